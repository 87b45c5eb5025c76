package org.hotline12345.revisit;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "办结工单": records the outcome as process variables that Cockpit and the history API show:
 * resolved or not (by the citizen's satisfaction), unreachable after three call-back attempts, and
 * when; the counts of send-backs and re-handlings and whether each deadline was met were recorded
 * along the way.
 */
@Component
public class CloseWorkOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CloseWorkOrderDelegate.class);

  private final Deadlines deadlines;

  public CloseWorkOrderDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome;
    if (Codes.UNREACHABLE.equals(execution.getVariable(Vars.CITIZEN_REACHED))) {
      outcome = Codes.OUTCOME_UNREACHABLE;
    } else if (Codes.UNSATISFIED.equals(execution.getVariable(Vars.SATISFACTION))) {
      outcome = Codes.OUTCOME_UNRESOLVED;
    } else {
      outcome = Codes.OUTCOME_RESOLVED;
    }
    execution.setVariable(Vars.OUTCOME, outcome);
    execution.setVariable(Vars.FIRST_CONTACT_RESOLUTION, false);
    execution.setVariable(Vars.CLOSED_AT, deadlines.now());
    LOG.info("Work order {} closed: {}", execution.getProcessBusinessKey(), outcome);
  }
}
