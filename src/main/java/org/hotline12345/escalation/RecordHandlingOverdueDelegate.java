package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录超时": the handling deadline passed without a reply; the order is marked overdue. */
@Component
public class RecordHandlingOverdueDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordHandlingOverdueDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    HandlingEscalations.markOnOrder(execution, WorkOrderProcess.Vars.HANDLE_OVERDUE);
    LOG.warn(
        "Work order {}: {} did not reply by {}",
        execution.getProcessBusinessKey(),
        execution.getVariable(WorkOrderProcess.Vars.UNIT),
        execution.getVariable(WorkOrderProcess.Vars.HANDLE_DEADLINE));
  }
}
