package org.hotline12345.escalation;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.hotline12345.calendar.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts the escalation ladder when a unit starts (or resumes) handling an order, with the dates of
 * each rung computed from the handling deadline, and stops it when the unit replies or asks for an
 * extension. The rungs: a warning when {@code hotline.escalation.warning-share} (75%) of the
 * working time is used, overdue at the deadline, supervisors {@code
 * hotline.escalation.working-days} (5) working days later, the supervision office as many again.
 */
@Service
public class HandlingEscalations {

  private static final Logger LOG = LoggerFactory.getLogger(HandlingEscalations.class);

  private final Deadlines deadlines;
  private final double warningShare;
  private final int workingDays;

  public HandlingEscalations(
      Deadlines deadlines,
      @Value("${hotline.escalation.warning-share:0.75}") double warningShare,
      @Value("${hotline.escalation.working-days:5}") int workingDays) {
    this.deadlines = deadlines;
    this.warningShare = warningShare;
    this.workingDays = workingDays;
  }

  /** The unit's handling task was created: its ladder starts from now. */
  public void start(DelegateTask handling) {
    Date deadline = (Date) handling.getVariable(Vars.HANDLE_DEADLINE);
    Date escalateAt = deadlines.workingDaysAfter(deadline, workingDays);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.WORK_ORDER_NUMBER, handling.getVariable(Vars.WORK_ORDER_NUMBER));
    variables.put(Vars.UNIT, handling.getVariable(Vars.UNIT));
    variables.put(Vars.HANDLE_DEADLINE, deadline);
    variables.put(
        HandlingEscalationProcess.Vars.WORK_ORDER_INSTANCE, handling.getProcessInstanceId());
    variables.put(
        HandlingEscalationProcess.Vars.WARNING_AT,
        deadlines.shareOfWorkingTime(deadlines.now(), deadline, warningShare));
    variables.put(HandlingEscalationProcess.Vars.ESCALATE_AT, escalateAt);
    variables.put(
        HandlingEscalationProcess.Vars.OFFICE_AT,
        deadlines.workingDaysAfter(escalateAt, workingDays));
    runtime(handling)
        .startProcessInstanceByKey(
            HandlingEscalationProcess.KEY,
            (String) handling.getVariable(Vars.WORK_ORDER_NUMBER),
            variables);
  }

  /** The unit replied or asked for an extension: the ladder stops. */
  public void stop(DelegateTask handling) {
    String number = (String) handling.getVariable(Vars.WORK_ORDER_NUMBER);
    int stopped =
        runtime(handling)
            .createMessageCorrelation(HandlingEscalationProcess.MESSAGE_HANDLING_ENDED)
            .processInstanceBusinessKey(number)
            .correlateAllWithResult()
            .size();
    LOG.debug("Work order {}: {} escalation(s) stopped", number, stopped);
  }

  /** A rung of the ladder was reached: marks it on the work order the ladder watches. */
  public static void markOnOrder(DelegateExecution ladder, String variable) {
    String order = (String) ladder.getVariable(HandlingEscalationProcess.Vars.WORK_ORDER_INSTANCE);
    ladder.getProcessEngineServices().getRuntimeService().setVariable(order, variable, true);
  }

  private static RuntimeService runtime(DelegateTask task) {
    return task.getProcessEngineServices().getRuntimeService();
  }
}
