package org.hotline12345.knowledge;

import static org.hotline12345.knowledge.KnowledgeGapProcess.Vars;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.forms.Characters;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Opens knowledge gaps (知识缺口): a question the knowledge base could not answer goes to the
 * responsible unit, which must add the answer within {@code hotline.knowledge.gap-working-days} (5)
 * working days (seed 000); for a new policy, by close of business one working day before it takes
 * effect. Each gap is a {@code knowledgeGap} process instance, started as the system, not as
 * whoever's action found it (an agent, a reviewer, a work order's step): their own rights do not
 * matter for opening a gap. The unit is then allowed to see it.
 */
@Service
public class KnowledgeGaps {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGaps.class);

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Deadlines deadlines;
  private final WorkingCalendar calendar;
  private final Units units;
  private final Categories categories;
  private final AuthorizationService authorizations;
  private final int workingDays;

  KnowledgeGaps(
      RuntimeService runtime,
      IdentityService identity,
      Deadlines deadlines,
      WorkingCalendar calendar,
      Units units,
      Categories categories,
      AuthorizationService authorizations,
      @Value("${hotline.knowledge.gap-working-days:5}") int workingDays) {
    this.runtime = runtime;
    this.identity = identity;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.units = units;
    this.categories = categories;
    this.authorizations = authorizations;
    this.workingDays = workingDays;
  }

  /**
   * Opens a gap for a question a work order could not be answered from: the unit must write the
   * answer by close of business 5 working days from now. Opening the same work order's gap again
   * while it is open returns the open one (so a retried step does not open two).
   *
   * @param question the citizen's question (the work order's content), at most 500 characters are
   *     kept
   * @param category the work-order category code
   * @param unit the responsible unit (Camunda group of type UNIT)
   * @param workOrderNumber the work order's number; the business key is {@code KG-<number>}
   * @return the business key of the gap
   * @throws IllegalArgumentException naming the field if a value is missing or unknown
   */
  public String open(String question, String category, String unit, String workOrderNumber) {
    return AsSystem.call(identity, () -> openAsSystem(question, category, unit, workOrderNumber));
  }

  private String openAsSystem(
      String question, String category, String unit, String workOrderNumber) {
    List<FieldViolation> bad = new java.util.ArrayList<>();
    if (question == null || question.isBlank()) {
      bad.add(new FieldViolation(Vars.QUESTION, "必填"));
    }
    if (!categories.exists(category)) {
      bad.add(new FieldViolation(Vars.CATEGORY, "不是目录中的诉求分类：" + category));
    }
    if (!units.isUnit(unit)) {
      bad.add(new FieldViolation(Vars.UNIT, "不是承办单位：" + unit));
    }
    if (workOrderNumber == null || workOrderNumber.isBlank()) {
      bad.add(new FieldViolation(Vars.WORK_ORDER_NUMBER, "必填"));
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("cannot open a knowledge gap: " + bad);
    }
    String businessKey = KnowledgeGapProcess.BUSINESS_KEY_PREFIX + workOrderNumber;
    Map<String, Object> variables =
        variables(
            shorten(question),
            category,
            unit,
            answerDeadline(),
            KnowledgeGapProcess.Codes.WORKING_DAYS);
    variables.put(Vars.WORK_ORDER_NUMBER, workOrderNumber);
    return start(businessKey, unit, variables);
  }

  /**
   * Opens the gap of a new policy's article that has no answer yet: due by close of business one
   * working day before the policy takes effect (seed 000). Business key {@code KG-A<article id>}.
   */
  String openForPolicy(Article article) {
    return AsSystem.call(identity, () -> openForPolicyAsSystem(article));
  }

  private String openForPolicyAsSystem(Article article) {
    Map<String, Object> variables =
        variables(
            article.question(),
            article.category(),
            article.unit(),
            policyDeadline(article.effectiveFrom()),
            KnowledgeGapProcess.Codes.NEW_POLICY);
    variables.put(Vars.ARTICLE_ID, Long.toString(article.id()));
    variables.put(Vars.EFFECTIVE_FROM, article.effectiveFrom().toString());
    variables.put(Vars.KEYWORDS, String.join(",", article.keywords()));
    return start(
        KnowledgeGapProcess.BUSINESS_KEY_PREFIX + "A" + article.id(), article.unit(), variables);
  }

  /** Close of business {@code gap-working-days} working days from now. */
  Date answerDeadline() {
    return deadlines.workingDaysAfter(deadlines.now(), workingDays);
  }

  /** Close of business of the last working day before {@code effectiveFrom}. */
  Date policyDeadline(LocalDate effectiveFrom) {
    LocalDate day = effectiveFrom.minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return Date.from(calendar.endOfWorkingDay(day));
  }

  private Map<String, Object> variables(
      String question, String category, String unit, Date deadline, String rule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.QUESTION, question);
    variables.put(Vars.CATEGORY, category);
    variables.put(Vars.CATEGORY_NAME, categories.nameOf(category).orElse(category));
    variables.put(Vars.UNIT, unit);
    variables.put(Vars.DEADLINE, deadline);
    variables.put(Vars.DEADLINE_RULE, rule);
    variables.put(Vars.ARTICLE_ID, null);
    variables.put(Vars.GAP_OVERDUE, false);
    return variables;
  }

  private String start(String businessKey, String unit, Map<String, Object> variables) {
    ProcessInstance open =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(KnowledgeGapProcess.KEY)
            .processInstanceBusinessKey(businessKey)
            .active()
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (open != null) {
      LOG.info("Knowledge gap {} is already open", businessKey);
      return businessKey;
    }
    ProcessInstance gap =
        runtime.startProcessInstanceByKey(KnowledgeGapProcess.KEY, businessKey, variables);
    KnowledgeGrants.letUnitSee(authorizations, unit, gap.getId());
    LOG.info(
        "Knowledge gap {} opened for {}, due {}", businessKey, unit, variables.get(Vars.DEADLINE));
    return businessKey;
  }

  private static String shorten(String question) {
    return Characters.truncate(question.strip(), KnowledgeArticles.MAX_QUESTION);
  }
}
