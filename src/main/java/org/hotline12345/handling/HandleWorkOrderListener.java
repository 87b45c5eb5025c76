package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/**
 * On completing "办理工单", either of two things (seed 003):
 *
 * <ul>
 *   <li>a reply: the result and the reply are required, and every co-unit must have contributed
 *       (co-handling, {@link CoHandling}); who replied and when, and whether within the handling
 *       deadline, are recorded;
 *   <li>an extension request: the reason, the legal basis and the requested date are required; the
 *       request must come before the deadline, ask for a later date, and keep the total extension
 *       within one month of the original deadline.
 * </ul>
 */
@Component
public class HandleWorkOrderListener implements TaskListener {

  private final Deadlines deadlines;
  private final CoHandling coHandling;

  public HandleWorkOrderListener(Deadlines deadlines, CoHandling coHandling) {
    this.deadlines = deadlines;
    this.coHandling = coHandling;
  }

  @Override
  public void notify(DelegateTask task) {
    if (Codes.REQUEST_EXTENSION.equals(task.getVariable(Vars.HANDLING_ACTION))) {
      checkExtensionRequest(task);
      return;
    }
    task.setVariable(Vars.HANDLING_ACTION, Codes.REPLY);
    List<FieldViolation> missing = new ArrayList<>();
    require(task, Vars.HANDLING_RESULT, "答复时须选择「办理结果」", missing);
    require(task, Vars.REPLY_CONTENT, "答复时须填写「答复内容」", missing);
    if (!missing.isEmpty()) {
      throw new FormValidationException(missing);
    }
    coHandling.checkLeadMayReply(task);
    Date now = deadlines.now();
    Date handleDeadline = (Date) task.getVariable(Vars.HANDLE_DEADLINE);
    task.setVariable(Vars.REPLIED_AT, now);
    task.setVariable(Vars.REPLIED_BY, Actors.whoCompleted(task));
    task.setVariable(Vars.HANDLED_IN_TIME, !now.after(handleDeadline));
  }

  private void checkExtensionRequest(DelegateTask task) {
    List<FieldViolation> violations = new ArrayList<>();
    require(task, Vars.EXTENSION_REASON, "申请延期须说明「延期理由」", violations);
    require(task, Vars.LEGAL_BASIS, "申请延期须提供「法律法规依据」", violations);
    Date now = deadlines.now();
    Date current = (Date) task.getVariable(Vars.HANDLE_DEADLINE);
    Date latest =
        Date.from(
            ((Date) task.getVariable(Vars.ORIGINAL_HANDLE_DEADLINE))
                .toInstant()
                .atZone(deadlines.zone())
                .plusMonths(1)
                .toInstant());
    if (!now.before(current)) {
      violations.add(new FieldViolation(Vars.HANDLING_ACTION, "已超过办理时限，不能再申请延期"));
    }
    Optional<Date> requested = date(task.getVariable(Vars.REQUESTED_DEADLINE));
    if (requested.isEmpty()) {
      violations.add(new FieldViolation(Vars.REQUESTED_DEADLINE, "申请延期须填写「申请延至」日期"));
    } else if (!requested.get().after(current)) {
      violations.add(new FieldViolation(Vars.REQUESTED_DEADLINE, "「申请延至」须晚于当前办理时限"));
    } else if (requested.get().after(latest)) {
      violations.add(
          new FieldViolation(
              Vars.REQUESTED_DEADLINE,
              "累计延期不能超过一个月：最迟可延至 "
                  + latest.toInstant().atZone(deadlines.zone()).toLocalDateTime()));
    }
    if (!violations.isEmpty()) {
      throw new FormValidationException(violations);
    }
    task.setVariable(Vars.REQUESTED_DEADLINE, requested.get());
  }

  private static void require(
      DelegateTask task, String variable, String message, List<FieldViolation> violations) {
    Object value = task.getVariable(variable);
    if (value == null || (value instanceof String text && text.isBlank())) {
      violations.add(new FieldViolation(variable, message));
    }
  }

  /** A date as the engine keeps it, or as a form's date-time field sends it (local time, ISO). */
  private Optional<Date> date(Object value) {
    if (value instanceof Date date) {
      return Optional.of(date);
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Date.from(OffsetDateTime.parse(text).toInstant()));
    } catch (DateTimeException notOffset) {
      try {
        ZonedDateTime local = LocalDateTime.parse(text).atZone(deadlines.zone());
        return Optional.of(Date.from(local.toInstant()));
      } catch (DateTimeException notLocal) {
        return Optional.empty();
      }
    }
  }
}
