package org.hotline12345.intake;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "办结受理": a call the agent dealt with at once closes without a dispatch, recording how:
 * answered directly and resolved on a three-way call count as resolved at first contact; out of
 * scope closes as not accepted (with the reason and the channel the citizen was pointed to); an
 * emergency closes as handed over to 110/119/120/122 (with the hand-over record); a repeat of an
 * open order's matter closes as linked to it.
 */
@Component
public class CloseAtIntakeDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CloseAtIntakeDelegate.class);
  private static final Map<String, String> OUTCOMES =
      Map.of(
          Codes.INTAKE_ANSWERED, Codes.OUTCOME_ANSWERED_DIRECTLY,
          Codes.INTAKE_OUT_OF_SCOPE, Codes.OUTCOME_NOT_ACCEPTED,
          Codes.INTAKE_EMERGENCY, Codes.OUTCOME_HANDED_OVER_TO_EMERGENCY,
          Codes.INTAKE_THREE_WAY_CALL, Codes.OUTCOME_RESOLVED_ON_THREE_WAY_CALL,
          Codes.INTAKE_LINKED, Codes.OUTCOME_LINKED_TO_OPEN_ORDER);

  private final Deadlines deadlines;

  public CloseAtIntakeDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String intake = (String) execution.getVariable(Vars.INTAKE_OUTCOME);
    String outcome = OUTCOMES.get(intake);
    if (outcome == null) {
      throw new IllegalStateException("no intake closing for " + intake);
    }
    execution.setVariable(Vars.OUTCOME, outcome);
    execution.setVariable(
        Vars.FIRST_CONTACT_RESOLUTION,
        Codes.OUTCOME_ANSWERED_DIRECTLY.equals(outcome)
            || Codes.OUTCOME_RESOLVED_ON_THREE_WAY_CALL.equals(outcome));
    execution.setVariable(Vars.CLOSED_AT, deadlines.now());
    LOG.info("Work order {} closed at intake: {}", execution.getProcessBusinessKey(), outcome);
  }
}
