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
 * Starts the escalation ladder when a step with a deadline starts ({@link EscalatedStep}: a work
 * order's signing, next-working-day call, handling, a co-unit's signing and contribution, and a
 * knowledge gap's answer), with the dates of each rung computed from the step's deadline, and stops
 * it when the step is done. The rungs: a warning when {@code hotline.escalation.warning-share}
 * (75%) of the time is used, overdue at the deadline, supervisors {@code
 * hotline.escalation.working-days} (5) working days later, the supervision office as many again.
 * One ladder runs per step, unit and round; the ladder's business key is the work-order number (for
 * a knowledge gap, its KG- key).
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

  /** The step's task was created: its ladder starts from now. */
  public void start(DelegateTask task, EscalatedStep step) {
    Date deadline = (Date) task.getVariable(step.deadlineVariable());
    Date now = deadlines.now();
    Date escalateAt = deadlines.workingDaysAfter(deadline, workingDays);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.WORK_ORDER_NUMBER, task.getVariable(Vars.WORK_ORDER_NUMBER));
    variables.put(Vars.UNIT, task.getVariable(step.unitVariable()));
    variables.put(HandlingEscalationProcess.Vars.ESCALATED_STEP, step.name());
    variables.put(HandlingEscalationProcess.Vars.ESCALATED_STEP_NAME, step.displayName());
    variables.put(HandlingEscalationProcess.Vars.ESCALATION_DEADLINE, deadline);
    variables.put(HandlingEscalationProcess.Vars.WORK_ORDER_INSTANCE, task.getProcessInstanceId());
    variables.put(
        HandlingEscalationProcess.Vars.WARNING_AT,
        step.onTheClock()
            ? new Date(
                now.getTime() + Math.round((deadline.getTime() - now.getTime()) * warningShare))
            : deadlines.shareOfWorkingTime(now, deadline, warningShare));
    variables.put(HandlingEscalationProcess.Vars.ESCALATE_AT, escalateAt);
    variables.put(
        HandlingEscalationProcess.Vars.OFFICE_AT,
        deadlines.workingDaysAfter(escalateAt, workingDays));
    runtime(task)
        .startProcessInstanceByKey(HandlingEscalationProcess.KEY, businessKey(task), variables);
  }

  /** The step is done (or withdrawn): its ladder stops. */
  public void stop(DelegateTask task, EscalatedStep step) {
    String number = businessKey(task);
    int stopped =
        runtime(task)
            .createMessageCorrelation(HandlingEscalationProcess.MESSAGE_HANDLING_ENDED)
            .processInstanceBusinessKey(number)
            .processInstanceVariableEquals(
                HandlingEscalationProcess.Vars.ESCALATED_STEP, step.name())
            .processInstanceVariableEquals(Vars.UNIT, task.getVariable(step.unitVariable()))
            .correlateAllWithResult()
            .size();
    LOG.debug("Work order {}: {} {} escalation(s) stopped", number, stopped, step);
  }

  /** A rung of the ladder was reached: marks it on the work order the ladder watches. */
  public static void markOnOrder(DelegateExecution ladder, boolean overdue) {
    EscalatedStep step =
        EscalatedStep.valueOf(
            (String) ladder.getVariable(HandlingEscalationProcess.Vars.ESCALATED_STEP));
    String order = (String) ladder.getVariable(HandlingEscalationProcess.Vars.WORK_ORDER_INSTANCE);
    ladder
        .getProcessEngineServices()
        .getRuntimeService()
        .setVariable(order, overdue ? step.overdueVariable() : step.warnedVariable(), true);
  }

  /** The ladder's business key is its process's: the work-order number, or KG-... for a gap. */
  private static String businessKey(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

  private static RuntimeService runtime(DelegateTask task) {
    return task.getProcessEngineServices().getRuntimeService();
  }
}
