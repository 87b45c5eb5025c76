package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.forms.FormValues;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.OrderGrants;
import org.hotline12345.workorder.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Co-handling (协办): besides the lead unit ({@code unit}), the co-units the routing table or the
 * dispatcher named each take their part once the lead unit has signed, in the multi-instance
 * subprocess "协办" (one instance per co-unit, element variable {@code coUnit}):
 *
 * <ol>
 *   <li>"派发协办" ({@link #execute}): the co-unit may read the order; its signing clock starts with
 *       the order's signing limit (30 minutes or 4 hours, on the clock);
 *   <li>"协办签收" ({@link #signed}): its contribution is due at close of business after {@code
 *       hotline.co-handling.share-of-handling-days} (half) of the order's working days, rounded up,
 *       and never after the lead unit's own deadline, so the lead has the contributions before it
 *       replies;
 *   <li>"协办反馈" ({@link #contributed}): the contribution is added to {@code
 *       coHandlingContributions}, which the lead unit and the reviewers see.
 * </ol>
 *
 * The lead unit's reply is refused while a co-unit has not contributed ({@link
 * #checkLeadMayReply}): the lead's reply includes every co-unit's part. Each co-unit's steps feed
 * the escalation ladder like the lead's.
 */
@Component
public class CoHandling implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CoHandling.class);

  private final Deadlines deadlines;
  private final OrderGrants grants;
  private final Units units;
  private final double shareOfHandlingDays;

  public CoHandling(
      Deadlines deadlines,
      OrderGrants grants,
      Units units,
      @Value("${hotline.co-handling.share-of-handling-days:0.5}") double shareOfHandlingDays) {
    this.deadlines = deadlines;
    this.grants = grants;
    this.units = units;
    this.shareOfHandlingDays = shareOfHandlingDays;
  }

  /** The co-units of the order, the collection of the multi-instance subprocess. */
  public List<String> units(DelegateExecution execution) {
    return FormValues.items(execution.getVariable(Vars.CO_UNITS)).orElse(List.of());
  }

  /** Task "派发协办": one co-unit's part starts. */
  @Override
  public void execute(DelegateExecution execution) {
    String coUnit = (String) execution.getVariable(Vars.CO_UNIT);
    if (!units.isUnit(coUnit)) {
      throw new IllegalStateException("co-unit " + coUnit + " is no longer a handling unit");
    }
    grants.letUnitRead(coUnit, execution.getProcessInstanceId());
    Date signDeadline =
        deadlines.signDeadline(deadlines.now(), (String) execution.getVariable(Vars.SIGN_LIMIT));
    execution.setVariableLocal(Vars.CO_SIGN_DEADLINE, signDeadline);
    // The co-unit's form values land here, in its own part, not on the order where parts would mix.
    execution.setVariableLocal(Vars.CO_SIGN_NOTE, null);
    execution.setVariableLocal(Vars.CONTRIBUTION, null);
    List<String> pending = new ArrayList<>(pending(execution.getVariable(Vars.CO_UNITS_PENDING)));
    if (!pending.contains(coUnit)) {
      pending.add(coUnit);
    }
    execution.setVariable(Vars.CO_UNITS_PENDING, String.join(",", pending));
    if (execution.getVariable(Vars.CO_HANDLED_IN_TIME) == null) {
      execution.setVariable(Vars.CO_HANDLED_IN_TIME, true);
    }
    LOG.info(
        "Work order {}: co-unit {} to sign by {}",
        execution.getProcessBusinessKey(),
        coUnit,
        signDeadline);
  }

  /** "协办签收" completed: who signed, and when the contribution is due. */
  public void signed(DelegateTask task) {
    Date now = deadlines.now();
    DelegateExecution part = task.getExecution();
    if (now.after((Date) part.getVariable(Vars.CO_SIGN_DEADLINE))) {
      part.setVariable(Vars.CO_HANDLED_IN_TIME, false);
    }
    int days =
        (int)
            Math.ceil(
                ((Number) task.getVariable(Vars.HANDLE_LIMIT_DAYS)).intValue()
                    * shareOfHandlingDays);
    Date due = deadlines.handleDeadline(now, days);
    Date leadDeadline = (Date) task.getVariable(Vars.HANDLE_DEADLINE);
    if (leadDeadline != null && due.after(leadDeadline)) {
      due = leadDeadline;
    }
    part.setVariableLocal(Vars.CO_SIGNED_AT, now);
    part.setVariableLocal(Vars.CO_SIGNED_BY, Actors.whoCompleted(task));
    part.setVariableLocal(Vars.CO_HANDLING_DEADLINE, due);
  }

  /** "协办反馈" completed: the contribution joins the order's record for the lead unit. */
  public void contributed(DelegateTask task) {
    Object contribution = task.getVariable(Vars.CONTRIBUTION);
    if (!(contribution instanceof String text) || text.isBlank()) {
      throw new FormValidationException(
          List.of(new FieldViolation(Vars.CONTRIBUTION, "须填写「协办意见」")));
    }
    DelegateExecution part = task.getExecution();
    String coUnit = (String) part.getVariable(Vars.CO_UNIT);
    Date now = deadlines.now();
    String by = Actors.whoCompleted(task);
    part.setVariableLocal(Vars.CONTRIBUTED_AT, now);
    part.setVariableLocal(Vars.CONTRIBUTED_BY, by);
    if (now.after((Date) part.getVariable(Vars.CO_HANDLING_DEADLINE))) {
      part.setVariable(Vars.CO_HANDLED_IN_TIME, false);
    }
    String before = (String) part.getVariable(Vars.CO_HANDLING_CONTRIBUTIONS);
    String paragraph =
        "【" + units.nameOf(coUnit).orElse(coUnit) + "】" + text.strip() + "（" + by + "）";
    part.setVariable(
        Vars.CO_HANDLING_CONTRIBUTIONS,
        before == null || before.isBlank() ? paragraph : before + "\n" + paragraph);
    List<String> pending = new ArrayList<>(pending(part.getVariable(Vars.CO_UNITS_PENDING)));
    pending.remove(coUnit);
    part.setVariable(Vars.CO_UNITS_PENDING, String.join(",", pending));
  }

  /**
   * The lead unit replies only once every co-unit has contributed; otherwise the reply is refused,
   * naming the co-units still to contribute.
   */
  public void checkLeadMayReply(DelegateTask handling) {
    List<String> pending = pending(handling.getVariable(Vars.CO_UNITS_PENDING));
    if (!pending.isEmpty()) {
      throw new FormValidationException(
          List.of(
              new FieldViolation(
                  Vars.CO_HANDLING_CONTRIBUTIONS,
                  "协办单位尚未反馈，暂不能答复："
                      + String.join("、", pending.stream().map(this::nameOf).toList()))));
    }
  }

  private String nameOf(String unit) {
    return units.nameOf(unit).orElse(unit);
  }

  private static List<String> pending(Object value) {
    return FormValues.items(value).orElse(List.of());
  }
}
