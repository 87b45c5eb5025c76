package org.hotline12345.knowledge;

import static org.hotline12345.knowledge.KnowledgeGapProcess.Vars;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * On completing "补充答复口径" and "审核发布答复口径": records who wrote and who published the answer, and
 * refuses a send-back without a reason (the form cannot make a field required only for one choice,
 * so the server does).
 */
@Component
public class KnowledgeAnswerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = task.getAssignee();
    if (user == null) {
      user = currentUser(task);
    }
    if (KnowledgeGapProcess.Elements.TASK_WRITE_ANSWER.equals(task.getTaskDefinitionKey())) {
      task.getExecution().setVariable(Vars.ANSWERED_BY, user);
      return;
    }
    Object decision = task.getVariable(Vars.REVIEW_DECISION);
    if (KnowledgeGapProcess.Codes.SEND_BACK.equals(decision)) {
      Object comment = task.getVariable(Vars.REVIEW_COMMENT);
      if (comment == null || comment.toString().isBlank()) {
        throw new FormValidationException(
            List.of(new FieldViolation(Vars.REVIEW_COMMENT, "退回时须写明退回理由")));
      }
    } else {
      task.getExecution().setVariable(Vars.PUBLISHED_BY, user);
    }
  }

  private static String currentUser(DelegateTask task) {
    var authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "system" : authentication.getUserId();
  }
}
