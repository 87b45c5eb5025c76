package org.hotline12345.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hotline12345.system.ParseListeners;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: the grants a work order made for its units end with it. When an order ends, the
 * read grants on it and its history ({@link OrderGrants}) and the engine's own grants on its
 * historic tasks are deleted, so Camunda's authorization table holds rows for the open orders only
 * and does not grow with every order ever handled (every authorization check, in Tasklist as
 * anywhere, reads that table). A unit still reads its closed orders through {@code GET
 * /api/work-orders/{number}}, which checks the order's unit itself; roles that read everything
 * (auditors, supervisors, the centre) have their grants on every order and lose nothing.
 */
@Component
class GrantsEndWithTheOrder extends AbstractProcessEnginePlugin {

  private final OrderGrants grants;

  GrantsEndWithTheOrder(@Lazy OrderGrants grants) {
    this.grants = grants;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterTheEngines(configuration, new AtTheOrdersEnd(this::end));
  }

  private void end(DelegateExecution execution) {
    if (execution.getId().equals(execution.getProcessInstanceId())) {
      grants.endWith(execution.getProcessInstanceId());
    }
  }

  private static final class AtTheOrdersEnd extends AbstractBpmnParseListener {
    private final ExecutionListener end;

    AtTheOrdersEnd(ExecutionListener end) {
      this.end = end;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (WorkOrderProcess.KEY.equals(processDefinition.getKey())) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, end);
      }
    }
  }
}
