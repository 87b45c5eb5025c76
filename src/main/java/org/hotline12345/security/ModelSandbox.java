package org.hotline12345.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: what a model, or a Tasklist filter, may run. A process owner may deploy models and
 * an administrator may save filters, but neither may run code of their own on the server:
 *
 * <ul>
 *   <li>expressions see only the process delegates and listeners, and no reflection or engine
 *       internals ({@link ExpressionRules}, {@link SandboxedExpressionManager});
 *   <li>no script runs, whoever deployed it: the engine has no script engine, not even the JUEL
 *       script engine it ships;
 *   <li>a deployment made by a person is refused if it holds scripts, class names, external
 *       resources, forbidden expressions or files of another kind ({@link ModelDeploymentCheck});
 *   <li>a filter saved by a person is refused if its query holds a forbidden expression ({@link
 *       FilterQueryCheck}).
 * </ul>
 */
@Component
class ModelSandbox extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final List<String> deployedEndings;
  private ModelDeploymentCheck deploymentCheck;
  private ExpressionRules rules;

  ModelSandbox(ApplicationContext context, CamundaBpmProperties camunda) {
    this.context = context;
    // The kinds of file the application deploys itself, e.g. ".bpmn" of classpath*:processes/*.bpmn
    this.deployedEndings =
        Arrays.stream(camunda.getDeploymentResourcePattern())
            .map(pattern -> pattern.substring(pattern.lastIndexOf('*') + 1))
            .filter(ending -> ending.startsWith("."))
            .distinct()
            .toList();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    rules = ExpressionRules.of(context);
    deploymentCheck = new ModelDeploymentCheck(rules, deployedEndings);
    configuration.setBeans(rules.allowedBeanMap());
    configuration.setExpressionManager(new SandboxedExpressionManager(context, rules));
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);

    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(deploymentCheck);
    configuration.setCustomPreDeployers(deployers);

    List<SessionFactory> sessions = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessions.addAll(configuration.getCustomSessionFactories());
    }
    sessions.add(new FilterQueryCheck(rules));
    configuration.setCustomSessionFactories(sessions);
  }

  ExpressionRules rules() {
    return rules;
  }

  ModelDeploymentCheck deploymentCheck() {
    return deploymentCheck;
  }

  /** Knows no script language, so every script fails with the engine's "no script engine". */
  private static final class NoScriptEngines implements ScriptEngineResolver {
    private final ScriptEngineManager none = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // Plugins may offer languages; none is taken.
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      return null;
    }
  }
}
