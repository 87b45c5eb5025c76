package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录超时": the step's deadline passed; the order is marked overdue for that step. */
@Component
public class RecordHandlingOverdueDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordHandlingOverdueDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    HandlingEscalations.markOnOrder(execution, true);
    LOG.warn(
        "Work order {}: {} did not complete {} by {}",
        execution.getProcessBusinessKey(),
        execution.getVariable(WorkOrderProcess.Vars.UNIT),
        execution.getVariable(HandlingEscalationProcess.Vars.ESCALATED_STEP),
        execution.getVariable(HandlingEscalationProcess.Vars.ESCALATION_DEADLINE));
  }
}
