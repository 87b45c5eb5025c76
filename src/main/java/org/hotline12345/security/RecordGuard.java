package org.hotline12345.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.hotline12345.forms.EngineRestConfiguration;
import org.hotline12345.forms.FormSchemas;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Engine plugin: a work order's recorded facts change only through its process steps. Whenever a
 * person is authenticated (engine REST API, the webapps, or the Java API called for a user), the
 * engine refuses the commands that delete or rewrite records and checks the ones that may write
 * only what a form step allows, administrators included; see {@link RecordCommands} for each
 * command's decision. The engine's own work (jobs, listeners, delegates, commands nested in a step)
 * and the application's system calls ({@link AsSystem}) run without a person and pass. Refusals are
 * {@link AuthorizationException}s, which Camunda's REST API answers with 403; a refusal is also
 * noted on the HTTP request, for the few resources that swallow it into a 404.
 */
@Component
class RecordGuard extends AbstractProcessEnginePlugin {

  /** The command a person called directly, while it runs; null during nested commands. */
  private static final ThreadLocal<Command<?>> PERSONS_COMMAND = new ThreadLocal<>();

  /** The refusals thrown, until they are forgotten (identity, weakly held). */
  private static final Set<Throwable> REFUSALS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final RecordChecks checks;

  RecordGuard(FormSchemas schemas) {
    this.checks = new RecordChecks(schemas);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    add(
        configuration::getCustomPreCommandInterceptorsTxRequired,
        configuration::setCustomPreCommandInterceptorsTxRequired,
        new MarkOuterCommand());
    add(
        configuration::getCustomPostCommandInterceptorsTxRequired,
        configuration::setCustomPostCommandInterceptorsTxRequired,
        new Guard());
    add(
        configuration::getCustomPreCommandInterceptorsTxRequiresNew,
        configuration::setCustomPreCommandInterceptorsTxRequiresNew,
        new MarkOuterCommand());
    add(
        configuration::getCustomPostCommandInterceptorsTxRequiresNew,
        configuration::setCustomPostCommandInterceptorsTxRequiresNew,
        new Guard());
  }

  private static void add(
      Supplier<List<CommandInterceptor>> get,
      Consumer<List<CommandInterceptor>> set,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors =
        get.get() == null ? new ArrayList<>() : new ArrayList<>(get.get());
    interceptors.add(interceptor);
    set.accept(interceptors);
  }

  /**
   * Before the command context exists: a command called without an open context is the caller's
   * own; one called while a context is open is the engine's work inside a step.
   */
  private static final class MarkOuterCommand extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Command<?> enclosing = PERSONS_COMMAND.get();
      PERSONS_COMMAND.set(Context.getCommandContext() == null ? command : null);
      try {
        return next.execute(command);
      } finally {
        if (enclosing == null) {
          PERSONS_COMMAND.remove();
        } else {
          PERSONS_COMMAND.set(enclosing);
        }
      }
    }
  }

  /** Inside the command's context and transaction, before it runs. */
  private final class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof FailedJobListener failed && isRefusal(failed)) {
        // Camunda counts any exception of a job run by hand as a failed try: three refusals would
        // use up a deadline timer's retries and stop it for good.
        return null;
      }
      if (PERSONS_COMMAND.get() == command) {
        CommandContext context = Context.getCommandContext();
        Authentication person = context.getAuthentication();
        if (person != null) {
          decide(command, context, person);
        }
      }
      return next.execute(command);
    }
  }

  private void decide(Command<?> command, CommandContext context, Authentication person) {
    try {
      refuseOrCheck(command, context, person);
    } catch (AuthorizationException refused) {
      REFUSALS.add(refused);
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request != null) {
        request.setAttribute(
            EngineRestConfiguration.ENGINE_REFUSAL, refused, RequestAttributes.SCOPE_REQUEST);
      }
      throw refused;
    }
  }

  private static boolean isRefusal(FailedJobListener failed) {
    Throwable failure =
        RecordChecks.field(failed, "jobFailureCollector", JobFailureCollector.class).getFailure();
    return failure != null && REFUSALS.contains(failure);
  }

  private void refuseOrCheck(Command<?> command, CommandContext context, Authentication person) {
    RecordCommands.Refusal refusal = RecordCommands.REFUSED.get(command.getClass());
    if (refusal != null) {
      throw RecordChecks.refusal(
          refusal.chinese + "（" + command.getClass().getSimpleName() + "）",
          refusal.english + " (" + command.getClass().getSimpleName() + ")");
    }
    RecordCommands.Check check = RecordCommands.CHECKED.get(command.getClass());
    if (check != null) {
      checks.check(check, command, context, person);
    }
  }
}
