package org.hotline12345.knowledge;

import static org.hotline12345.knowledge.KnowledgeGapProcess.Vars;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task "发布知识条目": the approved answer goes into the knowledge base (updating the policy's article,
 * or as a new article) and is published; the gap's outcome is PUBLISHED with the article's id.
 */
@Component
public class PublishKnowledgeArticleDelegate implements JavaDelegate {

  private final KnowledgeBase knowledgeBase;

  public PublishKnowledgeArticleDelegate(KnowledgeBase knowledgeBase) {
    this.knowledgeBase = knowledgeBase;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String effectiveFrom = (String) execution.getVariable(Vars.EFFECTIVE_FROM);
    String articleId =
        knowledgeBase.publishAnswer(
            new GapAnswer(
                (String) execution.getVariable(Vars.ARTICLE_ID),
                (String) execution.getVariable(Vars.QUESTION),
                (String) execution.getVariable(Vars.ANSWER),
                (String) execution.getVariable(Vars.CATEGORY),
                (String) execution.getVariable(Vars.UNIT),
                keywords((String) execution.getVariable(Vars.KEYWORDS)),
                effectiveFrom == null ? null : LocalDate.parse(effectiveFrom),
                (String) execution.getVariable(Vars.PUBLISHED_BY)));
    execution.setVariable(Vars.ARTICLE_ID, articleId);
    execution.setVariable(Vars.OUTCOME, KnowledgeGapProcess.Codes.PUBLISHED);
  }

  /** Keywords as the unit typed them: separated by commas (半角或全角), spaces or 、. */
  static List<String> keywords(String typed) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return Arrays.stream(typed.split("[,，、\\s]+"))
        .map(String::strip)
        .filter(k -> !k.isEmpty())
        .distinct()
        .toList();
  }
}
