package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录时限预警": most of the step's time is used; the order is marked as warned for that step. */
@Component
public class RecordHandlingWarningDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordHandlingWarningDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    HandlingEscalations.markOnOrder(execution, false);
    LOG.info(
        "Work order {}: {} deadline {} approaching",
        execution.getProcessBusinessKey(),
        execution.getVariable(HandlingEscalationProcess.Vars.ESCALATED_STEP),
        execution.getVariable(HandlingEscalationProcess.Vars.ESCALATION_DEADLINE));
  }
}
