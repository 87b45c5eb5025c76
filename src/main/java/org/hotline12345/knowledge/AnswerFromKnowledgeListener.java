package org.hotline12345.knowledge;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.organisation.Roles;
import org.springframework.stereotype.Component;

/**
 * "知识库答复", the hotline agent's step on a consultation, after {@link SearchKnowledgeBaseDelegate}:
 *
 * <ul>
 *   <li>created: the matches become the form's choice ({@code knowledgeOptions}) and a text to read
 *       ({@code knowledgeAnswers}); the task goes to the agent who registered the call, if that is
 *       a hotline agent (a request from an outside channel waits in the agents' queue);
 *   <li>completed: answered from an article (which must be one of the matches offered) turns the
 *       call into one answered at once, recording the article and its answer; not answered goes on
 *       as a work order and opens a knowledge gap.
 * </ul>
 */
@Component
public class AnswerFromKnowledgeListener implements TaskListener {

  private final IdentityService identity;

  public AnswerFromKnowledgeListener(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task);
    } else {
      decide(task);
    }
  }

  private void offer(DelegateTask task) {
    SpinJsonNode options = Spin.JSON("[]");
    StringBuilder answers = new StringBuilder();
    int n = 0;
    for (SpinJsonNode match : matches(task)) {
      n++;
      String question = match.prop("question").stringValue();
      options.append(
          Spin.JSON("{}")
              .prop("label", n + ". " + question)
              .prop("value", match.prop("articleId").stringValue()));
      answers.append(n).append(". ").append(question).append('\n');
      answers.append(match.prop("answer").stringValue()).append("\n\n");
    }
    task.setVariable(Vars.KNOWLEDGE_OPTIONS, SpinValues.jsonValue(options).create());
    task.setVariable(
        Vars.KNOWLEDGE_ANSWERS, n == 0 ? "知识库中没有与该问题匹配的已发布答案。" : answers.toString().strip());
    Object registeredBy = task.getVariable(Vars.REGISTERED_BY);
    if (registeredBy instanceof String agent && isHotlineAgent(agent)) {
      task.setAssignee(agent);
    }
  }

  private void decide(DelegateTask task) {
    Object action = task.getVariable(Vars.KNOWLEDGE_ACTION);
    if (!Codes.KNOWLEDGE_ANSWERED.equals(action)) {
      task.setVariable(Vars.KNOWLEDGE_ACTION, Codes.KNOWLEDGE_NOT_ANSWERED);
      return;
    }
    Object chosen = task.getVariable(Vars.KNOWLEDGE_ARTICLE_ID);
    Optional<SpinJsonNode> article =
        matches(task).stream()
            .filter(m -> m.prop("articleId").stringValue().equals(String.valueOf(chosen)))
            .findFirst();
    if (article.isEmpty()) {
      throw new FormValidationException(
          List.of(
              new FieldViolation(
                  Vars.KNOWLEDGE_ARTICLE_ID,
                  chosen == null ? "按知识库答复须选择所用的知识条目" : "所选知识条目不在本次检索结果中")));
    }
    task.setVariable(Vars.INTAKE_OUTCOME, Codes.INTAKE_ANSWERED);
    task.setVariable(Vars.DIRECT_ANSWER, article.get().prop("answer").stringValue());
    task.setVariable(Vars.KNOWLEDGE_ARTICLE_SAMPLE, article.get().prop("sample").boolValue());
  }

  private static List<SpinJsonNode> matches(DelegateTask task) {
    Object value = task.getVariable(SearchKnowledgeBaseDelegate.MATCHES);
    return value instanceof SpinJsonNode json && json.isArray() ? json.elements() : List.of();
  }

  /** A listener's look-up: the engine does not check authorizations for its own listeners. */
  private boolean isHotlineAgent(String user) {
    return identity.createUserQuery().userId(user).memberOfGroup(Roles.HOTLINE_AGENTS).count() > 0;
  }
}
