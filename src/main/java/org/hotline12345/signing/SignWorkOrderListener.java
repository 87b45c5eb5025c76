package org.hotline12345.signing;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/**
 * On completing "签收工单": records who signed and when, whether in time, and sets the handling
 * deadline, which counts from the moment of signing. A return (退单) instead must give its reason.
 */
@Component
public class SignWorkOrderListener implements TaskListener {

  private final Deadlines deadlines;

  public SignWorkOrderListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (Codes.RETURN.equals(task.getVariable(Vars.SIGN_ACTION))) {
      Object reason = task.getVariable(Vars.RETURN_REASON);
      if (!(reason instanceof String text) || text.isBlank()) {
        throw new FormValidationException(
            List.of(new FieldViolation(Vars.RETURN_REASON, "退单须填写「退单理由」")));
      }
      return;
    }
    task.setVariable(Vars.SIGN_ACTION, Codes.SIGN);
    Date now = deadlines.now();
    Date signDeadline = (Date) task.getVariable(Vars.SIGN_DEADLINE);
    boolean late =
        Boolean.TRUE.equals(task.getVariable(Vars.SIGN_OVERDUE)) || now.after(signDeadline);
    int handleLimitDays = ((Number) task.getVariable(Vars.HANDLE_LIMIT_DAYS)).intValue();
    task.setVariable(Vars.SIGNED_AT, now);
    task.setVariable(Vars.SIGNED_BY, Actors.whoCompleted(task));
    task.setVariable(Vars.SIGNED_IN_TIME, !late);
    Date handleDeadline = deadlines.handleDeadline(now, handleLimitDays);
    task.setVariable(Vars.HANDLE_DEADLINE, handleDeadline);
    task.setVariable(Vars.ORIGINAL_HANDLE_DEADLINE, handleDeadline);
  }
}
