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
 * On completing "审核答复": a reply sent back must say why (the unit reads it), and each send-back is
 * counted for the unit's assessment.
 */
@Component
public class ReviewReplyListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!Codes.REVIEW_SENT_BACK.equals(task.getVariable(Vars.REVIEW_DECISION))) {
      return;
    }
    Object comment = task.getVariable(Vars.REVIEW_COMMENT);
    if (!(comment instanceof String text) || text.isBlank()) {
      throw new FormValidationException(
          List.of(new FieldViolation(Vars.REVIEW_COMMENT, "退回重办须填写「审核意见」")));
    }
    task.setVariable(
        Vars.SEND_BACK_COUNT, ((Number) task.getVariable(Vars.SEND_BACK_COUNT)).intValue() + 1);
  }
}
