package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录时限预警": most of the handling time is used; the order is marked as warned. */
@Component
public class RecordHandlingWarningDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordHandlingWarningDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    HandlingEscalations.markOnOrder(execution, WorkOrderProcess.Vars.HANDLING_WARNED);
    LOG.info(
        "Work order {}: handling deadline {} approaching",
        execution.getProcessBusinessKey(),
        execution.getVariable(WorkOrderProcess.Vars.HANDLE_DEADLINE));
  }
}
