package org.hotline12345.forms;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hotline12345.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: every user task that has a Camunda Form ({@code camunda:formRef}) checks the
 * form's rules again when it is completed, before any listener of the model runs. Added at parse
 * time so a process owner cannot forget it on a new task.
 */
@Component
public class ServerSideFormChecks extends AbstractProcessEnginePlugin {

  private final FormSchemas schemas;

  public ServerSideFormChecks(FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterTheEngines(configuration, new AttachFormCheck(new FormCheck(schemas)));
  }

  private static final class AttachFormCheck extends AbstractBpmnParseListener {
    private final TaskListener check;

    AttachFormCheck(TaskListener check) {
      this.check = check;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
      }
    }
  }

  /** Checks the submitted variables of a task against its deployed form. */
  static final class FormCheck implements TaskListener {
    private final FormSchemas schemas;

    FormCheck(FormSchemas schemas) {
      this.schemas = schemas;
    }

    @Override
    public void notify(DelegateTask task) {
      List<FieldViolation> violations = schemas.forTask(task).check(task.getVariables());
      if (!violations.isEmpty()) {
        throw new FormValidationException(violations);
      }
    }
  }
}
