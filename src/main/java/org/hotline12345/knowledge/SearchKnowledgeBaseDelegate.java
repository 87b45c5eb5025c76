package org.hotline12345.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bean {@code searchKnowledgeBaseDelegate}: searches the knowledge base (embedded or external, as
 * configured) for a work order's question.
 *
 * <p>Reads {@code content} (the citizen's question, String) and {@code category} (the work-order
 * category code, String; may be null to search all categories).
 *
 * <p>Writes {@code knowledgeMatches}, a Spin JSON array (type {@code Json}, readable in Cockpit),
 * best match first, at most {@code hotline.knowledge.matches-per-search} (5) entries, each {@code
 * {"articleId": "12", "question": "…", "answer": "…", "unit": "unitHousingFund", "score": 7.3,
 * "sample": true}}; and {@code knowledgeMatchCount}, an Integer (0 when nothing matched or the
 * external knowledge base is unavailable), for gateway conditions such as {@code
 * ${knowledgeMatchCount > 0}}.
 *
 * <p>Never throws because of the knowledge base (see {@link KnowledgeBase#search}); mark the
 * service task {@code asyncBefore} with retries anyway, as for every adapter call.
 */
@Component
public class SearchKnowledgeBaseDelegate implements JavaDelegate {

  public static final String MATCHES = "knowledgeMatches";
  public static final String MATCH_COUNT = "knowledgeMatchCount";

  private final KnowledgeBase knowledgeBase;
  private final ObjectMapper json;
  private final int limit;

  public SearchKnowledgeBaseDelegate(
      KnowledgeBase knowledgeBase,
      ObjectMapper json,
      @Value("${hotline.knowledge.matches-per-search:5}") int limit) {
    this.knowledgeBase = knowledgeBase;
    this.json = json;
    this.limit = limit;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    List<KnowledgeMatch> matches =
        knowledgeBase.search(
            (String) execution.getVariable(WorkOrderProcess.Vars.CONTENT),
            (String) execution.getVariable(WorkOrderProcess.Vars.CATEGORY),
            limit);
    List<Map<String, Object>> entries =
        matches.stream()
            .map(
                m -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("articleId", m.articleId());
                  entry.put("question", m.question());
                  entry.put("answer", m.answer());
                  entry.put("unit", m.unit());
                  entry.put("score", Math.round(m.score() * 1000) / 1000.0);
                  entry.put("sample", m.sample());
                  return entry;
                })
            .toList();
    execution.setVariable(MATCHES, SpinValues.jsonValue(json.writeValueAsString(entries)).create());
    execution.setVariable(MATCH_COUNT, entries.size());
  }
}
