package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * On completing "审批延期": a refusal says why (the unit reads it); either way the unit's next step
 * starts as a reply again, not as the old request.
 */
@Component
public class ReviewExtensionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object comment = task.getVariable(Vars.EXTENSION_COMMENT);
    if (!Codes.EXTENSION_APPROVED.equals(task.getVariable(Vars.EXTENSION_DECISION))
        && (!(comment instanceof String text) || text.isBlank())) {
      throw new FormValidationException(
          List.of(new FieldViolation(Vars.EXTENSION_COMMENT, "不批准延期须填写「审批意见」")));
    }
    task.removeVariable(Vars.HANDLING_ACTION);
  }
}
