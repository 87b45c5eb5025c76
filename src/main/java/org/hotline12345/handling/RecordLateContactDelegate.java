package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录超时未联系": 10:00 of the next working day passed before the unit called the citizen. */
@Component
public class RecordLateContactDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordLateContactDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.CONTACT_OVERDUE, true);
    LOG.warn(
        "Work order {}: {} did not call the citizen by {}",
        execution.getProcessBusinessKey(),
        execution.getVariable(Vars.UNIT),
        execution.getVariable(Vars.CONTACT_DEADLINE));
  }
}
