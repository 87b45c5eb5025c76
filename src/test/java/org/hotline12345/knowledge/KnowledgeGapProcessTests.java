package org.hotline12345.knowledge;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hotline12345.ShanghaiTime.at;
import static org.hotline12345.knowledge.KnowledgeGapProcess.Elements.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.escalation.HandlingEscalationProcess;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.knowledge.KnowledgeGapProcess.Vars;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code knowledgeGap} process, path by path: a gap from a work order answered, reviewed and
 * published; a send-back; a new policy's article; an overdue gap on the escalation ladder. Time is
 * the engine's clock in Shanghai time, deadlines are asserted to the minute on China's 2026
 * calendar. Also the two delegates the work order uses.
 */
@HotlineSpringTest
class KnowledgeGapProcessTests {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired KnowledgeGaps gaps;
  @Autowired KnowledgeArticles articles;
  @Autowired KnowledgeBase knowledgeBase;
  @Autowired SearchKnowledgeBaseDelegate searchDelegate;
  @Autowired OpenKnowledgeGapDelegate openGapDelegate;

  @BeforeEach
  void useThisEngineOnAFridayMorning() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at("2026-11-20T10:00"));
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void gapFromAWorkOrderIsAnsweredWithinFiveWorkingDaysAndPublished() {
    String key =
        gaps.open(
            "灵活就业人员可以自己缴存住房公积金吗？", "HOUSING_FUND_DEPOSIT", Units.HOUSING_FUND, "20261120-900001");

    Assertions.assertThat(key).isEqualTo("KG-20261120-900001");
    ProcessInstance gap = gap(key);
    assertThat(gap)
        .isWaitingAt(TASK_WRITE_ANSWER)
        .variables()
        .containsEntry(Vars.QUESTION, "灵活就业人员可以自己缴存住房公积金吗？")
        .containsEntry(Vars.CATEGORY, "HOUSING_FUND_DEPOSIT")
        .containsEntry(Vars.CATEGORY_NAME, "公积金缴存")
        .containsEntry(Vars.UNIT, Units.HOUSING_FUND)
        .containsEntry(Vars.WORK_ORDER_NUMBER, "20261120-900001")
        .containsEntry(Vars.DEADLINE_RULE, KnowledgeGapProcess.Codes.WORKING_DAYS)
        .containsEntry(Vars.DEADLINE, at("2026-11-27T17:30"));
    Task write = task(TASK_WRITE_ANSWER, gap);
    assertThat(write)
        .as("Friday + 5 working days, over the weekend: close of business next Friday")
        .hasCandidateGroup(Units.HOUSING_FUND)
        .hasDueDate(at("2026-11-27T17:30"));
    Assertions.assertThat(ladderDeadline(gap)).isEqualTo(at("2026-11-27T17:30"));

    actAs("fund1", Units.HOUSING_FUND);
    Assertions.assertThat(tasks.createTaskQuery().taskCandidateGroup(Units.HOUSING_FUND).list())
        .extracting(Task::getId)
        .contains(write.getId());
    complete(
        write,
        withVariables(
            Vars.ANSWER, "【测试】灵活就业人员可持身份证到管理中心办理个人自愿缴存，按月缴存。", Vars.KEYWORDS, "灵活就业，自愿缴存、个体户"));

    actAs("reviewer1", Roles.REVIEWERS);
    Task review = task(TASK_REVIEW_ANSWER, gap);
    assertThat(review).hasCandidateGroup(Roles.REVIEWERS);
    complete(review, withVariables(Vars.REVIEW_DECISION, KnowledgeGapProcess.Codes.PUBLISH));
    identity.clearAuthentication();

    assertThat(gap).isWaitingAt(TASK_PUBLISH_ARTICLE);
    execute(job(TASK_PUBLISH_ARTICLE, gap));

    assertThat(gap)
        .isEnded()
        .hasPassedInOrder(
            START_GAP_FOUND,
            TASK_WRITE_ANSWER,
            TASK_REVIEW_ANSWER,
            GATEWAY_REVIEW_DECISION,
            TASK_PUBLISH_ARTICLE,
            END_ANSWER_PUBLISHED)
        .variables()
        .containsEntry(Vars.OUTCOME, KnowledgeGapProcess.Codes.PUBLISHED)
        .containsEntry(Vars.ANSWERED_BY, "fund1")
        .containsEntry(Vars.PUBLISHED_BY, "reviewer1")
        .containsEntry(Vars.GAP_OVERDUE, false);
    String articleId = (String) variable(gap, Vars.ARTICLE_ID);
    Article article = articles.find(Long.parseLong(articleId));
    Assertions.assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
    Assertions.assertThat(article.keywords()).containsExactly("灵活就业", "自愿缴存", "个体户");
    Assertions.assertThat(article.changedBy()).isEqualTo("reviewer1");
    Assertions.assertThat(knowledgeBase.search("灵活就业怎么交公积金", null, 3))
        .first()
        .extracting(KnowledgeMatch::articleId)
        .isEqualTo(articleId);
  }

  @Test
  void overNationalDayTheFiveWorkingDaysSkipTheHolidayAndCountTheMakeUpSaturday() {
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));

    ProcessInstance gap =
        gap(gaps.open("工伤认定需要多长时间？", "WORK_INJURY_INSURANCE", Units.HRSS, "20260930-900002"));

    // 1-7 October are holidays; 8, 9, 10 (make-up Saturday), 12 and 13 October are working days.
    assertThat(task(TASK_WRITE_ANSWER, gap)).hasDueDate(at("2026-10-13T17:30"));
    Assertions.assertThat(ladderDeadline(gap)).isEqualTo(at("2026-10-13T17:30"));
  }

  @Test
  void reviewerSendsTheAnswerBackWithAReason() {
    ProcessInstance gap =
        gap(gaps.open("社保卡可以异地补办吗？", "SOCIAL_SECURITY_CARD", Units.HRSS, "20261120-900003"));
    actAs("hrss1", Units.HRSS);
    complete(task(TASK_WRITE_ANSWER, gap), withVariables(Vars.ANSWER, "可以。", Vars.KEYWORDS, ""));

    actAs("reviewer1", Roles.REVIEWERS);
    Task review = task(TASK_REVIEW_ANSWER, gap);
    Assertions.assertThatThrownBy(
            () ->
                tasks.complete(
                    review.getId(),
                    withVariables(Vars.REVIEW_DECISION, KnowledgeGapProcess.Codes.SEND_BACK)))
        .hasRootCauseInstanceOf(FormValidationException.class)
        .hasMessageContaining(Vars.REVIEW_COMMENT);
    assertThat(gap).isWaitingAt(TASK_REVIEW_ANSWER);

    complete(
        review,
        withVariables(
            Vars.REVIEW_DECISION,
            KnowledgeGapProcess.Codes.SEND_BACK,
            Vars.REVIEW_COMMENT,
            "请写明补办网点和所需材料"));
    identity.clearAuthentication();

    assertThat(gap)
        .isWaitingAt(TASK_WRITE_ANSWER)
        .variables()
        .containsEntry(Vars.REVIEW_COMMENT, "请写明补办网点和所需材料");
    assertThat(task(TASK_WRITE_ANSWER, gap))
        .as("the deadline does not move when the answer is sent back")
        .hasDueDate(at("2026-11-27T17:30"));
  }

  @Test
  void aNewPolicysArticleWithoutAnswerIsDueOneWorkingDayBeforeItTakesEffect() {
    ClockUtil.setCurrentTime(at("2026-09-21T10:00"));
    Article policy =
        articles.create(
            new ArticleInput(
                "国庆后公积金提取新规有哪些变化？",
                null,
                "HOUSING_FUND_WITHDRAWAL",
                Units.HOUSING_FUND,
                List.of("提取新规"),
                LocalDate.parse("2026-10-08")),
            "reviewer1");

    Assertions.assertThat(policy.status()).isEqualTo(ArticleStatus.DRAFT);
    ProcessInstance gap = gap("KG-A" + policy.id());
    // 8 October is the first working day after National Day: the answer is due the working day
    // before the holiday, 30 September, at close of business.
    assertThat(gap)
        .isWaitingAt(TASK_WRITE_ANSWER)
        .variables()
        .containsEntry(Vars.ARTICLE_ID, Long.toString(policy.id()))
        .containsEntry(Vars.EFFECTIVE_FROM, "2026-10-08")
        .containsEntry(Vars.DEADLINE_RULE, KnowledgeGapProcess.Codes.NEW_POLICY)
        .containsEntry(Vars.DEADLINE, at("2026-09-30T17:30"));
    assertThat(task(TASK_WRITE_ANSWER, gap)).hasDueDate(at("2026-09-30T17:30"));

    complete(
        task(TASK_WRITE_ANSWER, gap),
        withVariables(Vars.ANSWER, "【测试】新规实施后租房提取额度按新标准执行。", Vars.KEYWORDS, "提取新规,租房提取"));
    complete(
        task(TASK_REVIEW_ANSWER, gap),
        withVariables(Vars.REVIEW_DECISION, KnowledgeGapProcess.Codes.PUBLISH));
    execute(job(TASK_PUBLISH_ARTICLE, gap));

    assertThat(gap).isEnded();
    Article published = articles.find(policy.id());
    Assertions.assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
    Assertions.assertThat(published.answer()).startsWith("【测试】新规实施后");
    Assertions.assertThat(published.effectiveFrom()).isEqualTo(LocalDate.parse("2026-10-08"));
    Assertions.assertThat(articles.versions(policy.id()))
        .extracting(Article::status)
        .containsExactly(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED);
  }

  @Test
  void anOverdueGapClimbsTheSameLadderAsAWorkOrderUntilTheUnitAnswers() {
    ProcessInstance gap =
        gap(gaps.open("失业金可以一次性领取吗？", "UNEMPLOYMENT_INSURANCE", Units.HRSS, "20261120-900004"));
    ProcessInstance ladder = ladder(gap);
    assertThat(ladder)
        .variables()
        .containsEntry(HandlingEscalationProcess.Vars.ESCALATED_STEP, "KNOWLEDGE_GAP")
        .containsEntry(HandlingEscalationProcess.Vars.ESCALATED_STEP_NAME, "补充知识库答复口径")
        .containsEntry(Vars.UNIT, Units.HRSS)
        .containsEntry(Vars.WORK_ORDER_NUMBER, "20261120-900004");

    Job warning = rung(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING);
    Assertions.assertThat(warning.getDuedate())
        .as("75% of the 41 working hours to Friday 27 November 17:30")
        .isEqualTo(at("2026-11-26T14:15"));
    ClockUtil.setCurrentTime(at("2026-11-26T14:16"));
    execute(warning);
    assertThat(gap).variables().containsEntry(Vars.GAP_WARNED, true);
    ClockUtil.setCurrentTime(at("2026-11-27T17:31"));
    execute(rung(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE));
    assertThat(gap).variables().containsEntry(Vars.GAP_OVERDUE, true);

    Job toSupervisors =
        rung(ladder, HandlingEscalationProcess.Elements.TIMER_ESCALATE_TO_SUPERVISORS);
    Assertions.assertThat(toSupervisors.getDuedate())
        .as("5 working days after the deadline, as for a work order")
        .isEqualTo(at("2026-12-07T17:30"));
    ClockUtil.setCurrentTime(at("2026-12-07T17:31"));
    execute(toSupervisors);
    assertThat(task(HandlingEscalationProcess.Elements.TASK_SUPERVISE_OVERDUE_ORDER, ladder))
        .hasCandidateGroup(Roles.SUPERVISORS);

    actAs("hrss1", Units.HRSS);
    complete(task(TASK_WRITE_ANSWER, gap), withVariables(Vars.ANSWER, "不可以。", Vars.KEYWORDS, ""));
    identity.clearAuthentication();
    assertThat(ladder)
        .as("the answer stops the ladder and withdraws the supervision")
        .isEnded()
        .hasPassed(HandlingEscalationProcess.Elements.END_ESCALATION_STOPPED);

    actAs("reviewer1", Roles.REVIEWERS);
    complete(
        task(TASK_REVIEW_ANSWER, gap),
        withVariables(
            Vars.REVIEW_DECISION, KnowledgeGapProcess.Codes.SEND_BACK, Vars.REVIEW_COMMENT, "太简略"));
    identity.clearAuthentication();
    Assertions.assertThat(ladder(gap))
        .as("sent back: the step runs, and is watched, again")
        .isNotNull();

    complete(
        task(TASK_WRITE_ANSWER, gap),
        withVariables(Vars.ANSWER, "【测试】失业保险金按月发放，不能一次性领取。", Vars.KEYWORDS, "失业金"));
    complete(
        task(TASK_REVIEW_ANSWER, gap),
        withVariables(Vars.REVIEW_DECISION, KnowledgeGapProcess.Codes.PUBLISH));
    execute(job(TASK_PUBLISH_ARTICLE, gap));
    assertThat(gap).isEnded().variables().containsEntry(Vars.GAP_OVERDUE, true);
    Assertions.assertThat(ladder(gap)).isNull();
  }

  @Test
  void openingTheSameWorkOrdersGapTwiceKeepsOneGap() {
    gaps.open("社保认证失败怎么办？", "SOCIAL_INSURANCE_CERT", Units.HRSS, "20261120-900006");
    gaps.open("社保认证失败怎么办？", "SOCIAL_INSURANCE_CERT", Units.HRSS, "20261120-900006");

    Assertions.assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(KnowledgeGapProcess.KEY)
                .processInstanceBusinessKey("KG-20261120-900006")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aGapNeedsAKnownCategoryAndUnit() {
    Assertions.assertThatThrownBy(() -> gaps.open("问题", "NO_SUCH", "noSuchUnit", "20261120-900007"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("category")
        .hasMessageContaining("unit");
  }

  @Test
  void searchDelegateWritesTheMatchesForTheWorkOrder() throws Exception {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("content")).thenReturn("公积金怎么提取");
    when(execution.getVariable("category")).thenReturn("HOUSING_FUND_WITHDRAWAL");

    searchDelegate.execute(execution);

    ArgumentCaptor<Object> matches = ArgumentCaptor.forClass(Object.class);
    verify(execution)
        .setVariable(org.mockito.ArgumentMatchers.eq("knowledgeMatches"), matches.capture());
    String json = ((JsonValue) matches.getValue()).getValueSerialized();
    Assertions.assertThat(json)
        .startsWith("[{\"articleId\":")
        .contains("\"question\":\"住房公积金怎么提取，需要哪些材料？\"")
        .contains("\"sample\":true")
        .contains("\"score\":");
    ArgumentCaptor<Object> count = ArgumentCaptor.forClass(Object.class);
    verify(execution)
        .setVariable(org.mockito.ArgumentMatchers.eq("knowledgeMatchCount"), count.capture());
    Assertions.assertThat((Integer) count.getValue()).isPositive();
  }

  @Test
  void openGapDelegateOpensTheGapOfTheWorkOrder() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable("content")).thenReturn("公积金能给父母买房用吗？");
    when(execution.getVariable("category")).thenReturn("HOUSING_FUND_WITHDRAWAL");
    when(execution.getVariable("routedUnit")).thenReturn(null);
    when(execution.getVariable("unit")).thenReturn(Units.HOUSING_FUND);
    when(execution.getProcessBusinessKey()).thenReturn("20261120-900008");

    openGapDelegate.execute(execution);

    verify(execution).setVariable("knowledgeGapKey", "KG-20261120-900008");
    assertThat(gap("KG-20261120-900008"))
        .isWaitingAt(TASK_WRITE_ANSWER)
        .variables()
        .containsEntry(Vars.UNIT, Units.HOUSING_FUND)
        .containsEntry(Vars.QUESTION, "公积金能给父母买房用吗？");
  }

  private ProcessInstance gap(String businessKey) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(KnowledgeGapProcess.KEY)
        .processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  /** The escalation ladder watching the gap's answer step. */
  private ProcessInstance ladder(ProcessInstance gap) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(HandlingEscalationProcess.KEY)
        .processInstanceBusinessKey(gap.getBusinessKey())
        .active()
        .singleResult();
  }

  /** The deadline the gap's ladder marks overdue at. */
  private Object ladderDeadline(ProcessInstance gap) {
    return runtime.getVariable(
        ladder(gap).getId(), HandlingEscalationProcess.Vars.ESCALATION_DEADLINE);
  }

  private Job rung(ProcessInstance ladder, String timerId) {
    return management
        .createJobQuery()
        .processInstanceId(ladder.getId())
        .timers()
        .activityId(timerId)
        .singleResult();
  }

  private Object variable(ProcessInstance gap, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(gap.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private void actAs(String user, String group) {
    identity.setAuthentication(user, List.of(group));
  }
}
