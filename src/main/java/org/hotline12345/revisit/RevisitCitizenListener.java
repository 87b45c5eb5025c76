package org.hotline12345.revisit;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/**
 * On completing "回访市民": counts the attempt, records who called, and requires the citizen's
 * satisfaction when they were reached (the form can only hide the field otherwise).
 */
@Component
public class RevisitCitizenListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object satisfaction = task.getVariable(Vars.SATISFACTION);
    if (Codes.REACHED.equals(task.getVariable(Vars.CITIZEN_REACHED))
        && (!(satisfaction instanceof String s) || s.isBlank())) {
      throw new FormValidationException(
          List.of(new FieldViolation(Vars.SATISFACTION, "联系上市民时须记录「满意度」")));
    }
    task.setVariable(Vars.REVISITED_BY, Actors.whoCompleted(task));
    task.setVariable(
        Vars.REVISIT_ATTEMPTS, ((Number) task.getVariable(Vars.REVISIT_ATTEMPTS)).intValue() + 1);
  }
}
