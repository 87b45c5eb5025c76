package org.hotline12345.workorder;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hotline12345.ShanghaiTime.at;
import static org.hotline12345.workorder.WorkOrderProcess.Elements.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.TestPhones;
import org.hotline12345.escalation.EscalatedStep;
import org.hotline12345.escalation.HandlingEscalationProcess;
import org.hotline12345.escalation.OrderSupervisionProcess;
import org.hotline12345.escalation.OrderSupervisions;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.knowledge.KnowledgeGapProcess;
import org.hotline12345.knowledge.OpenKnowledgeGapDelegate;
import org.hotline12345.knowledge.SearchKnowledgeBaseDelegate;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess.Codes;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code workOrder} process, path by path: the whole way from registration to closure, then
 * each detour (a dispatcher routes, late signing for urgent and normal orders, a reply sent back,
 * an unsatisfied citizen). Time is the engine's clock, moved with {@link ClockUtil}; the dates are
 * in Shanghai time and 20 November 2026 is a Friday; the handling limits count China's working days
 * from the calendar files.
 */
@HotlineSpringTest
class WorkOrderProcessTests {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired OrderSupervisions supervisions;
  @Autowired org.hotline12345.intake.SpecialServiceList specialService;

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
  void consultationRunsFromRegistrationToClosure() {
    ClockUtil.setCurrentTime(at("2026-11-20T10:00"));
    ProcessInstance order = register(request("CONSULTATION", "HOUSING_FUND_WITHDRAWAL", "SAERTU"));

    Assertions.assertThat(order.getBusinessKey()).matches("20261120-\\d{6}");
    assertThat(order)
        .isWaitingAt(TASK_SIGN_WORK_ORDER)
        .variables()
        .containsEntry(Vars.WORK_ORDER_NUMBER, order.getBusinessKey())
        .containsEntry(Vars.CATEGORY_NAME, "公积金提取")
        .containsEntry(Vars.URGENT, false)
        .containsEntry(Vars.PRIORITY, "FIRST")
        .containsEntry(Vars.UNIT, Units.HOUSING_FUND)
        .containsEntry(Vars.DISPATCHED_AT, at("2026-11-20T10:00"));
    Task sign = task(TASK_SIGN_WORK_ORDER, order);
    assertThat(sign).hasCandidateGroup(Units.HOUSING_FUND).hasDueDate(at("2026-11-20T14:00"));
    Assertions.assertThat(timer(order, TIMER_SIGN_OVERDUE).getDuedate())
        .isEqualTo(at("2026-11-20T14:00"));

    ClockUtil.setCurrentTime(at("2026-11-20T11:00"));
    actAs("fund1", Units.HOUSING_FUND);
    complete(sign, withVariables(Vars.SIGN_NOTE, "已签收，转提取科办理"));

    Assertions.assertThat(
            management.createJobQuery().processInstanceId(order.getId()).timers().count())
        .as("signing in time leaves no timer behind")
        .isZero();
    Task handle = task(TASK_HANDLE_WORK_ORDER, order);
    assertThat(handle)
        .as("the signer handles the order; the unit's colleagues can still see it")
        .isAssignedTo("fund1")
        .hasCandidateGroupAssociated(Units.HOUSING_FUND)
        .hasDueDate(at("2026-11-25T17:30"));

    ClockUtil.setCurrentTime(at("2026-11-21T09:30"));
    complete(
        handle,
        withVariables(
            Vars.HANDLING_RESULT, "EXPLAINED",
            Vars.REPLY_CONTENT, "已电话告知提取所需材料：身份证、银行卡、购房合同。",
            Vars.CITIZEN_CONTACTED, true));

    actAs("reviewer1", Roles.REVIEWERS);
    Task review = task(TASK_REVIEW_REPLY, order);
    assertThat(review).hasCandidateGroup(Roles.REVIEWERS);
    complete(review, withVariables(Vars.REVIEW_DECISION, "ACCEPTED", Vars.REVIEW_COMMENT, ""));

    actAs("revisit1", Roles.REVISIT_AGENTS);
    Task revisit = task(TASK_REVISIT_CITIZEN, order);
    assertThat(revisit).hasCandidateGroup(Roles.REVISIT_AGENTS);
    ClockUtil.setCurrentTime(at("2026-11-21T15:00"));
    complete(
        revisit,
        withVariables(
            Vars.CITIZEN_REACHED,
            "REACHED",
            Vars.SATISFACTION,
            "SATISFIED",
            Vars.REVISIT_NOTE,
            "市民表示满意"));

    assertThat(order)
        .isEnded()
        .hasPassedInOrder(
            TASK_REGISTER_WORK_ORDER,
            TASK_DECIDE_PRIORITY,
            TASK_DECIDE_ROUTING,
            TASK_DISPATCH_WORK_ORDER,
            TASK_SIGN_WORK_ORDER,
            TASK_HANDLE_WORK_ORDER,
            TASK_REVIEW_REPLY,
            TASK_REVISIT_CITIZEN,
            TASK_CLOSE_WORK_ORDER,
            END_WORK_ORDER_CLOSED);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "RESOLVED")
        .containsEntry(Vars.SIGNED_BY, "fund1")
        .containsEntry(Vars.SIGNED_AT, at("2026-11-20T11:00"))
        .containsEntry(Vars.SIGNED_IN_TIME, true)
        .containsEntry(Vars.REPLIED_AT, at("2026-11-21T09:30"))
        .containsEntry(Vars.HANDLED_IN_TIME, true)
        .containsEntry(Vars.REVISITED_BY, "revisit1")
        .containsEntry(Vars.SEND_BACK_COUNT, 0)
        .containsEntry(Vars.REHANDLING_COUNT, 0)
        .containsEntry(Vars.CLOSED_AT, at("2026-11-21T15:00"));
  }

  @Test
  void orderTheTableCannotRouteGoesToADispatcherAndTheSigningClockStartsAtDispatch() {
    ClockUtil.setCurrentTime(at("2026-11-20T10:00"));
    ProcessInstance order = register(request("HELP", "OTHER", "RANGHULU"));

    assertThat(order).isWaitingAt(TASK_CHOOSE_UNIT);
    assertThat(task(TASK_CHOOSE_UNIT, order)).hasCandidateGroup(Roles.DISPATCHERS);

    ClockUtil.setCurrentTime(at("2026-11-20T11:15"));
    complete(
        task(TASK_CHOOSE_UNIT, order),
        withVariables(Vars.UNIT, Units.DISTRICT_RANGHULU, Vars.DISPATCH_NOTE, "属地处理"));

    assertThat(task(TASK_SIGN_WORK_ORDER, order))
        .hasCandidateGroup(Units.DISTRICT_RANGHULU)
        .hasDueDate(at("2026-11-20T15:15"));
  }

  @Test
  void dispatcherSeesTheTablesSuggestionWhenTheTableIsNotSure() {
    ProcessInstance order = register(request("COMPLAINT", "PROPERTY_MANAGEMENT", "RANGHULU"));

    assertThat(order)
        .isWaitingAt(TASK_CHOOSE_UNIT)
        .variables()
        .containsEntry(Vars.ROUTED_UNIT, Units.DISTRICT_RANGHULU)
        .containsEntry(Vars.ROUTING_CERTAIN, false);
    complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, Units.DISTRICT_RANGHULU));
    assertThat(task(TASK_SIGN_WORK_ORDER, order)).hasCandidateGroup(Units.DISTRICT_RANGHULU);
  }

  @Test
  void unitThatDoesNotExistSendsTheOrderToADispatcher() {
    Map<String, Object> routedToAGoneUnit = request("HELP", "WATER_SUPPLY", "SAERTU");
    routedToAGoneUnit.put(Vars.ROUTED_UNIT, "unitDissolved");
    routedToAGoneUnit.put(Vars.ROUTING_CERTAIN, true);
    routedToAGoneUnit.put(Vars.SIGN_LIMIT, "PT4H");
    routedToAGoneUnit.put(Vars.RETURN_COUNT, 0);
    routedToAGoneUnit.put(Vars.MAX_RETURNS, 2);
    ProcessInstance order =
        runtime
            .createProcessInstanceByKey(WorkOrderProcess.KEY)
            .businessKey("20261120-900001")
            .setVariables(routedToAGoneUnit)
            .startBeforeActivity(TASK_DISPATCH_WORK_ORDER)
            .execute();

    assertThat(order).hasPassed(BOUNDARY_UNKNOWN_UNIT).isWaitingAt(TASK_CHOOSE_UNIT);
  }

  @Test
  void dispatcherCannotChooseAUnitTheFormDoesNotOffer() {
    ProcessInstance order = register(request("HELP", "OTHER", "SAERTU"));

    assertRejected(
        () -> complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, "unitDissolved")),
        Vars.UNIT);
    assertThat(order).isWaitingAt(TASK_CHOOSE_UNIT);
  }

  @Test
  void urgentOrderNotSignedWithin30MinutesIsMarkedLateAndChasedEvenAtNight() {
    ClockUtil.setCurrentTime(at("2026-11-20T23:50"));
    Map<String, Object> urgent = request("HELP", "HEATING", "SAERTU");
    urgent.put(Vars.URGENT_MARKED, true);
    ProcessInstance order = register(urgent);

    assertThat(order)
        .variables()
        .containsEntry(Vars.URGENT, true)
        .containsEntry(Vars.SIGN_LIMIT, "PT30M");
    assertThat(task(TASK_SIGN_WORK_ORDER, order)).hasDueDate(at("2026-11-21T00:20"));
    Assertions.assertThat(timer(order, TIMER_SIGN_OVERDUE).getDuedate())
        .isEqualTo(at("2026-11-21T00:20"));

    ClockUtil.setCurrentTime(at("2026-11-21T00:21"));
    execute(timer(order, TIMER_SIGN_OVERDUE));

    assertThat(order)
        .isWaitingAt(TASK_SIGN_WORK_ORDER, TASK_CHASE_SIGNING)
        .variables()
        .containsEntry(Vars.SIGN_OVERDUE, true);
    assertThat(task(TASK_CHASE_SIGNING, order)).hasCandidateGroup(Roles.SUPERVISORS);

    ClockUtil.setCurrentTime(at("2026-11-21T00:40"));
    complete(task(TASK_SIGN_WORK_ORDER, order));

    assertThat(order).isWaitingAt(TASK_LEADER_INSTRUCTION).isNotWaitingAt(TASK_CHASE_SIGNING);
    assertThat(task(TASK_LEADER_INSTRUCTION, order))
        .hasCandidateGroup(Units.leadersOf(Units.HEATING));
    actAs("heatingLeader1", Units.leadersOf(Units.HEATING));
    complete(
        task(TASK_LEADER_INSTRUCTION, order),
        withVariables(Vars.LEADER_INSTRUCTION, "立即组织抢修，当天答复"));
    identity.clearAuthentication();
    assertThat(order).variables().containsEntry(Vars.INSTRUCTED_BY, "heatingLeader1");

    assertThat(order)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .isNotWaitingAt(TASK_CHASE_SIGNING)
        .variables()
        .containsEntry(Vars.SIGNED_IN_TIME, false);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order))
        .as("3 working days counted from Monday, the first working day after the signing")
        .hasDueDate(at("2026-11-26T17:30"));
  }

  @Test
  void normalOrderNotSignedWithin4HoursIsMarkedLateAndTheSupervisorsChaseIt() {
    ClockUtil.setCurrentTime(at("2026-11-20T16:00"));
    ProcessInstance order = register(request("SUGGESTION", "ROAD_FACILITIES", "SAERTU"));

    assertThat(order)
        .variables()
        .containsEntry(Vars.URGENT, false)
        .containsEntry(Vars.SIGN_LIMIT, "PT4H");
    assertThat(task(TASK_SIGN_WORK_ORDER, order))
        .hasCandidateGroup(Units.DISTRICT_SAERTU)
        .hasDueDate(at("2026-11-20T20:00"));

    ClockUtil.setCurrentTime(at("2026-11-20T20:01"));
    execute(timer(order, TIMER_SIGN_OVERDUE));
    actAs("supervisor1", Roles.SUPERVISORS);
    complete(task(TASK_CHASE_SIGNING, order), withVariables(Vars.CHASE_NOTE, "已电话督促萨尔图区签收"));

    assertThat(order).hasPassed(END_SIGNING_CHASED).isWaitingAt(TASK_SIGN_WORK_ORDER);

    ClockUtil.setCurrentTime(at("2026-11-20T21:00"));
    actAs("saertu1", Units.DISTRICT_SAERTU);
    sign(order);
    assertThat(order)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.SIGN_OVERDUE, true)
        .containsEntry(Vars.SIGNED_IN_TIME, false);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasDueDate(at("2026-12-14T17:30"));
  }

  @Test
  void reviewerSendsAnUnfitReplyBackWithAReason() {
    ProcessInstance order =
        registerSignAndReply(request("CONSULTATION", "SOCIAL_SECURITY_CARD", "SAERTU"));

    assertRejected(
        () ->
            complete(
                task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "SENT_BACK")),
        Vars.REVIEW_COMMENT);
    assertThat(order).isWaitingAt(TASK_REVIEW_REPLY);

    complete(
        task(TASK_REVIEW_REPLY, order),
        withVariables(Vars.REVIEW_DECISION, "SENT_BACK", Vars.REVIEW_COMMENT, "未说明社保卡补办地点，请补充"));

    assertThat(order)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.SEND_BACK_COUNT, 1);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasCandidateGroup(Units.HRSS);
    reply(order);
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    assertThat(order).isWaitingAt(TASK_REVISIT_CITIZEN);
  }

  @Test
  void unsatisfiedCitizenGetsTheOrderHandledOnceMoreThenItClosesUnresolved() {
    ClockUtil.setCurrentTime(at("2026-11-20T09:00"));
    ProcessInstance order = registerSignAndReply(request("COMPLAINT", "NOISE", "SAERTU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));

    ClockUtil.setCurrentTime(at("2026-11-23T10:00"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(
            Vars.CITIZEN_REACHED,
            "REACHED",
            Vars.SATISFACTION,
            "UNSATISFIED",
            Vars.REVISIT_NOTE,
            "夜间施工仍未停止"));

    actAs("reviewer1", Roles.REVIEWERS);
    complete(
        task(TASK_JUDGE_RESPONSIBILITY, order),
        withVariables(Vars.UNIT_RESPONSIBLE, "RESPONSIBLE", Vars.JUDGEMENT_NOTE, "单位未核实施工许可"));
    identity.clearAuthentication();

    assertThat(order)
        .hasPassed(TASK_ARRANGE_REHANDLING)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.REHANDLING_COUNT, 1);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order))
        .hasCandidateGroup(Units.DISTRICT_SAERTU)
        .hasDueDate(at("2026-12-07T17:30"));

    reply(order);
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "UNSATISFIED"));

    complete(
        task(TASK_JUDGE_RESPONSIBILITY, order),
        withVariables(Vars.UNIT_RESPONSIBLE, "RESPONSIBLE", Vars.JUDGEMENT_NOTE, "已重办一次，不再重办"));

    assertThat(order).isEnded().hasPassed(END_WORK_ORDER_CLOSED);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "UNRESOLVED")
        .containsEntry(Vars.SATISFACTION, "UNSATISFIED")
        .containsEntry(Vars.REHANDLING_COUNT, 1);
  }

  @Test
  void basicallySatisfiedCitizenClosesTheOrderAsResolved() {
    ProcessInstance order = registerSignAndReply(request("HELP", "WATER_SUPPLY", "RANGHULU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "BASICALLY_SATISFIED"));

    assertThat(order).isEnded();
    Assertions.assertThat(historicVariables(order)).containsEntry(Vars.OUTCOME, "RESOLVED");
  }

  @Test
  void theTableRaisesButNeverLowersTheAgentsUrgentMark() {
    Map<String, Object> plainConsultation = request("CONSULTATION", "OTHER", "SAERTU");
    plainConsultation.put(Vars.URGENT_MARKED, true);
    assertThat(register(plainConsultation))
        .variables()
        .containsEntry(Vars.URGENT, true)
        .containsEntry(Vars.SIGN_LIMIT, "PT30M");

    assertThat(register(request("HELP", "WAGE_ARREARS", "SAERTU")))
        .variables()
        .containsEntry(Vars.URGENT, true)
        .containsEntry(Vars.SIGN_LIMIT, "PT30M");
  }

  @Test
  void unitCannotReplyWithoutTheFieldsItsFormRequires() {
    ProcessInstance order = register(request("HELP", "HEATING", "SAERTU"));
    sign(order);

    assertRejected(
        () ->
            complete(
                task(TASK_HANDLE_WORK_ORDER, order),
                withVariables(Vars.HANDLING_RESULT, "RESOLVED")),
        Vars.REPLY_CONTENT);
    assertThat(order).isWaitingAt(TASK_HANDLE_WORK_ORDER);
  }

  @Test
  void orderSignedOnTheFridayBeforeNationalDayIsDueOnTheRightWorkingDayAfterTheHoliday() {
    // 2025: Sunday 28 September is worked, 1-8 October are off, Saturday 11 October is worked.
    ClockUtil.setCurrentTime(at("2025-09-26T09:00"));
    ProcessInstance order = register(request("HELP", "OTHER", "SAERTU"));
    complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, Units.DISTRICT_SAERTU));

    ClockUtil.setCurrentTime(at("2025-09-26T10:00"));
    sign(order);

    assertThat(task(TASK_HANDLE_WORK_ORDER, order))
        .as("help: 5 working days are 28, 29, 30 September, 9 and 10 October")
        .hasDueDate(at("2025-10-10T17:30"));
  }

  @Test
  void urgentOrderMustBeSignedWithin30MinutesEvenOnAHoliday() {
    ClockUtil.setCurrentTime(at("2025-10-03T14:00"));
    Map<String, Object> urgent = request("HELP", "WATER_SUPPLY", "RANGHULU");
    urgent.put(Vars.URGENT_MARKED, true);
    ProcessInstance order = register(urgent);

    assertThat(task(TASK_SIGN_WORK_ORDER, order)).hasDueDate(at("2025-10-03T14:30"));
    Assertions.assertThat(timer(order, TIMER_SIGN_OVERDUE).getDuedate())
        .isEqualTo(at("2025-10-03T14:30"));
  }

  @Test
  void livelihoodRequestRegisteredOnSaturdayEveningMustBeCalledBackBy10OnMonday() {
    ClockUtil.setCurrentTime(at("2026-11-21T19:30"));
    ProcessInstance order = register(request("CONSULTATION", "SOCIAL_INSURANCE_QUERY", "SAERTU"));

    assertThat(order)
        .isWaitingAt(TASK_SIGN_WORK_ORDER, TASK_CONTACT_CITIZEN)
        .variables()
        .containsEntry(Vars.CONTACT_REQUIRED, true)
        .containsEntry(Vars.CONTACT_DEADLINE, at("2026-11-23T10:00"));
    Task contact = task(TASK_CONTACT_CITIZEN, order);
    assertThat(contact).hasCandidateGroup(Units.HRSS).hasDueDate(at("2026-11-23T10:00"));
    Assertions.assertThat(timer(order, TIMER_CONTACT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-11-23T10:00"));

    ClockUtil.setCurrentTime(at("2026-11-21T19:40"));
    sign(order);
    ClockUtil.setCurrentTime(at("2026-11-23T09:10"));
    actAs("hrss1", Units.HRSS);
    complete(contact, withVariables(Vars.CONTACT_NOTE, "已电话告知社保查询方式"));

    assertThat(order)
        .hasPassed(END_CITIZEN_CONTACTED)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.CONTACTED_BY, "hrss1")
        .containsEntry(Vars.CONTACTED_IN_TIME, true);
  }

  @Test
  void callBackNotMadeBy10IsRecordedLateAndClosingTheOrderWithdrawsTheCallTask() {
    ClockUtil.setCurrentTime(at("2026-11-20T20:00"));
    ProcessInstance order = register(request("HELP", "MEDICAL_RESIDENT_CLAIM", "SAERTU"));

    ClockUtil.setCurrentTime(at("2026-11-23T10:01"));
    execute(timer(order, TIMER_CONTACT_OVERDUE));

    assertThat(order)
        .hasPassed(TASK_RECORD_LATE_CONTACT, END_CONTACT_LATE)
        .isWaitingAt(TASK_CONTACT_CITIZEN)
        .variables()
        .containsEntry(Vars.CONTACT_OVERDUE, true);

    sign(order);
    reply(order);
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "SATISFIED"));

    assertThat(order)
        .isEnded()
        .hasPassed(END_WORK_ORDER_CLOSED)
        .hasNotPassed(END_CITIZEN_CONTACTED);
    Assertions.assertThat(laddersRunningFor(order))
        .as("the withdrawn call's ladder stopped with it")
        .isZero();
  }

  @Test
  void livelihoodRequestRegisteredInWorkingHoursNeedsNoSeparateCallBack() {
    ProcessInstance order = register(request("CONSULTATION", "HOUSING_FUND_LOAN", "SAERTU"));

    assertThat(order)
        .hasPassed(GATEWAY_CONTACT_NEEDED)
        .isNotWaitingAt(TASK_CONTACT_CITIZEN)
        .variables()
        .containsEntry(Vars.CONTACT_REQUIRED, false);
  }

  @Test
  void aReturnedOrderIsReRoutedByADispatcherTheUnitLosesSightOfItAndTheSigningClockRestarts() {
    ProcessInstance order = register(request("HELP", "WATER_SUPPLY", "SAERTU"));
    actAs("water1", Units.WATER);
    ClockUtil.setCurrentTime(at("2026-11-20T10:20"));
    complete(
        task(TASK_SIGN_WORK_ORDER, order),
        withVariables(Vars.SIGN_ACTION, "RETURN", Vars.RETURN_REASON, "小区为自备井供水，应由萨尔图区处理"));
    identity.clearAuthentication();

    assertThat(order)
        .hasPassed(TASK_RECORD_RETURN)
        .isWaitingAt(TASK_CHOOSE_UNIT)
        .variables()
        .containsEntry(Vars.RETURN_COUNT, 1)
        .containsEntry(Vars.RETURNED_UNIT, Units.WATER);
    assertThat(task(TASK_CHOOSE_UNIT, order)).hasCandidateGroup(Roles.DISPATCHERS);
    Assertions.assertThat(
            authorizations.isUserAuthorized(
                "water1",
                List.of(Units.WATER),
                Permissions.READ,
                Resources.PROCESS_INSTANCE,
                order.getId()))
        .as("the returning unit no longer sees the order")
        .isFalse();

    ClockUtil.setCurrentTime(at("2026-11-20T11:00"));
    complete(
        task(TASK_CHOOSE_UNIT, order),
        withVariables(Vars.UNIT, Units.DISTRICT_SAERTU, Vars.DISPATCH_NOTE, "属地处理"));

    assertThat(task(TASK_SIGN_WORK_ORDER, order))
        .hasCandidateGroup(Units.DISTRICT_SAERTU)
        .hasDueDate(at("2026-11-20T11:30"));
    sign(order);
    assertThat(order)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.SIGN_ACTION, "SIGN");
  }

  @Test
  void afterTwoReturnsASupervisorDecidesWhichUnitHandlesIt() {
    ProcessInstance order = register(request("HELP", "OTHER", "SAERTU"));
    for (String unit : List.of(Units.DISTRICT_SAERTU, Units.WATER)) {
      complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, unit));
      complete(
          task(TASK_SIGN_WORK_ORDER, order),
          withVariables(Vars.SIGN_ACTION, "RETURN", Vars.RETURN_REASON, "不属本单位职责"));
    }

    assertThat(task(TASK_CHOOSE_UNIT, order))
        .as("a binding decision")
        .hasCandidateGroup(Roles.SUPERVISORS);
    complete(
        task(TASK_CHOOSE_UNIT, order),
        withVariables(Vars.UNIT, Units.DISTRICT_SAERTU, Vars.DISPATCH_NOTE, "裁定：属地负责"));
    assertThat(task(TASK_SIGN_WORK_ORDER, order)).hasCandidateGroup(Units.DISTRICT_SAERTU);
  }

  @Test
  void anApprovedExtensionMovesTheHandlingDeadlineAndIsCounted() {
    ProcessInstance order = register(request("HELP", "ROAD_FACILITIES", "SAERTU"));
    sign(order);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasDueDate(at("2026-11-27T17:30"));

    ClockUtil.setCurrentTime(at("2026-11-24T10:00"));
    requestExtension(order, "2026-12-10T17:30");

    assertThat(task(TASK_REVIEW_EXTENSION, order)).hasCandidateGroup(Roles.REVIEWERS);
    complete(
        task(TASK_REVIEW_EXTENSION, order), withVariables(Vars.EXTENSION_DECISION, "APPROVED"));

    assertThat(order)
        .hasPassed(TASK_EXTEND_DEADLINE)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.EXTENSION_COUNT, 1)
        .containsEntry(Vars.ORIGINAL_HANDLE_DEADLINE, at("2026-11-27T17:30"));
    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasDueDate(at("2026-12-10T17:30"));

    ClockUtil.setCurrentTime(at("2026-12-08T10:00"));
    reply(order);
    Assertions.assertThat(runtime.getVariable(order.getId(), Vars.HANDLED_IN_TIME))
        .as("within the extended deadline")
        .isEqualTo(true);
  }

  @Test
  void aRefusedExtensionLeavesTheDeadlineAndMustSayWhy() {
    ProcessInstance order = register(request("HELP", "ROAD_FACILITIES", "SAERTU"));
    sign(order);
    requestExtension(order, "2026-12-04T17:30");

    assertRejected(
        () ->
            complete(
                task(TASK_REVIEW_EXTENSION, order),
                withVariables(Vars.EXTENSION_DECISION, "REFUSED")),
        Vars.EXTENSION_COMMENT);
    complete(
        task(TASK_REVIEW_EXTENSION, order),
        withVariables(Vars.EXTENSION_DECISION, "REFUSED", Vars.EXTENSION_COMMENT, "理由不充分，请按期办结"));

    assertThat(order)
        .hasNotPassed(TASK_EXTEND_DEADLINE)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.EXTENSION_COUNT, 0);
    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasDueDate(at("2026-11-27T17:30"));
  }

  @Test
  void anExtensionIsAskedBeforeTheDeadlineForALaterDateAndAtMostOneMonthInAll() {
    ProcessInstance order = register(request("HELP", "ROAD_FACILITIES", "SAERTU"));
    sign(order);

    assertRejected(() -> requestExtension(order, "2026-12-28T17:30"), Vars.REQUESTED_DEADLINE);
    assertRejected(() -> requestExtension(order, "2026-11-26T17:30"), Vars.REQUESTED_DEADLINE);
    ClockUtil.setCurrentTime(at("2026-11-28T09:00"));
    assertRejected(() -> requestExtension(order, "2026-12-04T17:30"), Vars.HANDLING_ACTION);
    assertThat(order).isWaitingAt(TASK_HANDLE_WORK_ORDER);
  }

  @Test
  void aReturnedOrderCanThenBeExtendedByTheUnitThatTookIt() {
    ProcessInstance order = register(request("HELP", "OTHER", "SAERTU"));
    complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, Units.WATER));
    complete(
        task(TASK_SIGN_WORK_ORDER, order),
        withVariables(Vars.SIGN_ACTION, "RETURN", Vars.RETURN_REASON, "不属供水"));
    complete(task(TASK_CHOOSE_UNIT, order), withVariables(Vars.UNIT, Units.DISTRICT_SAERTU));
    sign(order);

    requestExtension(order, "2026-12-04T17:30");
    complete(
        task(TASK_REVIEW_EXTENSION, order), withVariables(Vars.EXTENSION_DECISION, "APPROVED"));

    assertThat(task(TASK_HANDLE_WORK_ORDER, order))
        .hasCandidateGroupAssociated(Units.DISTRICT_SAERTU)
        .hasDueDate(at("2026-12-04T17:30"));
    assertThat(order)
        .variables()
        .containsEntry(Vars.RETURN_COUNT, 1)
        .containsEntry(Vars.EXTENSION_COUNT, 1);
  }

  private void requestExtension(ProcessInstance order, String until) {
    complete(
        task(TASK_HANDLE_WORK_ORDER, order),
        withVariables(
            Vars.HANDLING_ACTION, "REQUEST_EXTENSION",
            Vars.EXTENSION_REASON, "需协调热力公司与物业共同检修管网",
            Vars.LEGAL_BASIS, "《城市供热管理条例》第十二条",
            Vars.REQUESTED_DEADLINE, until));
  }

  @Test
  void aCallerOnTheSpecialServiceListIsRecognisedByPhoneAndServedFirst() {
    Map<String, Object> call = request("CONSULTATION", "OTHER", "SAERTU");
    specialService.add((String) call.get(Vars.PHONE), "登记残疾人", "demo");

    assertThat(register(call))
        .variables()
        .containsEntry(Vars.SPECIAL_SERVICE, true)
        .containsEntry(Vars.URGENT, true)
        .containsEntry(Vars.SIGN_LIMIT, "PT30M");
    assertThat(register(request("CONSULTATION", "OTHER", "SAERTU")))
        .as("a caller not on the list")
        .variables()
        .containsEntry(Vars.SPECIAL_SERVICE, false)
        .containsEntry(Vars.URGENT, false);
  }

  @Test
  void aRepeatFromTheSamePhoneOnTheSameMatterIsLinkedToTheOpenOrderNotDispatchedTwice() {
    Map<String, Object> first = request("COMPLAINT", "NOISE", "SAERTU");
    ProcessInstance open = register(first);
    Map<String, Object> again = new HashMap<>(first);
    again.put(Vars.CONTENT, "又来电催问：夜间施工仍在继续");
    Map<String, Object> otherMatter = new HashMap<>(first);
    otherMatter.put(Vars.CATEGORY, "SANITATION");

    ProcessInstance repeat = register(again);
    ProcessInstance separate = register(otherMatter);

    assertThat(repeat)
        .isEnded()
        .hasPassed(END_CLOSED_AT_INTAKE)
        .hasNotPassed(TASK_DISPATCH_WORK_ORDER);
    Assertions.assertThat(historicVariables(repeat))
        .containsEntry(Vars.OUTCOME, "LINKED_TO_OPEN_ORDER")
        .containsEntry(Vars.LINKED_ORDER, open.getBusinessKey());
    assertThat(open)
        .isWaitingAt(TASK_SIGN_WORK_ORDER)
        .variables()
        .containsEntry(Vars.REPEAT_COUNT, 1);
    assertThat(separate).as("another matter from the same phone").isWaitingAt(TASK_SIGN_WORK_ORDER);
  }

  @Test
  void theEscalationLadderWarnsMarksOverdueThenEscalatesToSupervisorsAndTheOffice() {
    ProcessInstance order = register(request("HELP", "ROAD_FACILITIES", "SAERTU"));
    sign(order);
    ProcessInstance ladder = escalationOf(order);

    Assertions.assertThat(
            timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING).getDuedate())
        .as("75% of the 41 working hours to Friday 17:30")
        .isEqualTo(at("2026-11-26T14:15"));
    ClockUtil.setCurrentTime(at("2026-11-26T14:16"));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING));
    Assertions.assertThat(runtime.getVariable(order.getId(), Vars.HANDLING_WARNED)).isEqualTo(true);

    Assertions.assertThat(
            timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE).getDuedate())
        .isEqualTo(at("2026-11-27T17:30"));
    ClockUtil.setCurrentTime(at("2026-11-27T17:31"));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE));
    Assertions.assertThat(runtime.getVariable(order.getId(), Vars.HANDLE_OVERDUE)).isEqualTo(true);

    Assertions.assertThat(
            timer(ladder, HandlingEscalationProcess.Elements.TIMER_ESCALATE_TO_SUPERVISORS)
                .getDuedate())
        .as("5 working days after the deadline")
        .isEqualTo(at("2026-12-07T17:30"));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_ESCALATE_TO_SUPERVISORS));
    assertThat(task(HandlingEscalationProcess.Elements.TASK_SUPERVISE_OVERDUE_ORDER, ladder))
        .hasCandidateGroup(Roles.SUPERVISORS);
    complete(
        task(HandlingEscalationProcess.Elements.TASK_SUPERVISE_OVERDUE_ORDER, ladder),
        withVariables(HandlingEscalationProcess.Vars.SUPERVISION_NOTE, "已约谈萨尔图区分管负责人"));

    Assertions.assertThat(
            timer(ladder, HandlingEscalationProcess.Elements.TIMER_ESCALATE_TO_OFFICE).getDuedate())
        .as("still unanswered 5 working days after the supervisors")
        .isEqualTo(at("2026-12-15T17:30"));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_ESCALATE_TO_OFFICE));
    assertThat(task(HandlingEscalationProcess.Elements.TASK_OFFICE_SUPERVISION, ladder))
        .hasCandidateGroup(Roles.SUPERVISION_OFFICE);
    complete(
        task(HandlingEscalationProcess.Elements.TASK_OFFICE_SUPERVISION, ladder),
        withVariables(HandlingEscalationProcess.Vars.OFFICE_SUPERVISION_NOTE, "督查室已发督办通知单，限期答复"));

    reply(order);

    assertThat(ladder).as("both supervision steps are recorded").isEnded();
    Assertions.assertThat(runtime.getVariable(order.getId(), Vars.HANDLED_IN_TIME))
        .isEqualTo(false);
  }

  @Test
  void aReplyInTimeStopsTheLadderBeforeAnyWarning() {
    ProcessInstance order = register(request("HELP", "ROAD_FACILITIES", "SAERTU"));
    sign(order);
    ProcessInstance ladder = escalationOf(order);

    reply(order);

    assertThat(ladder)
        .isEnded()
        .hasPassed(HandlingEscalationProcess.Elements.END_ESCALATION_STOPPED)
        .hasNotPassed(HandlingEscalationProcess.Elements.TASK_RECORD_HANDLING_WARNING);
    Assertions.assertThat(runtime.getVariable(order.getId(), Vars.HANDLING_WARNED)).isNull();
  }

  @Test
  void anUnsatisfiedOrdersRehandlingThatGoesOverdueIsMarkedOverdue() {
    ProcessInstance order = registerSignAndReply(request("COMPLAINT", "NOISE", "SAERTU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "UNSATISFIED"));
    complete(
        task(TASK_JUDGE_RESPONSIBILITY, order),
        withVariables(Vars.UNIT_RESPONSIBLE, "RESPONSIBLE", Vars.JUDGEMENT_NOTE, "单位处理不到位"));

    assertThat(task(TASK_HANDLE_WORK_ORDER, order)).hasDueDate(at("2026-12-04T17:30"));
    ProcessInstance ladder = escalationOf(order);
    ClockUtil.setCurrentTime(at("2026-12-04T18:00"));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING));
    execute(timer(ladder, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE));

    assertThat(order)
        .variables()
        .containsEntry(Vars.HANDLE_OVERDUE, true)
        .containsEntry(Vars.REHANDLING_COUNT, 1);
  }

  @Test
  void aSupervisorOpensSupervisionOnAHotOrderAndClosesItOnlyOnceTheOrderIsDone() {
    ProcessInstance order = registerSignAndReply(request("COMPLAINT", "SANITATION", "RANGHULU"));
    String number = order.getBusinessKey();

    Assertions.assertThat(supervisions.open(number, "媒体关注的热点问题", "supervisor1")).isEmpty();
    Assertions.assertThat(supervisions.open(number, "再次开启", "supervisor1"))
        .contains(OrderSupervisions.Refusal.ALREADY_SUPERVISED);
    ProcessInstance supervision =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(OrderSupervisionProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    assertThat(task(OrderSupervisionProcess.Elements.TASK_SUPERVISE_HOT_ORDER, supervision))
        .hasCandidateGroup(Roles.SUPERVISORS);

    assertRejected(
        () ->
            complete(
                task(OrderSupervisionProcess.Elements.TASK_SUPERVISE_HOT_ORDER, supervision),
                withVariables(HandlingEscalationProcess.Vars.SUPERVISION_NOTE, "想提前销号")),
        HandlingEscalationProcess.Vars.SUPERVISION_NOTE);

    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "SATISFIED"));
    complete(
        task(OrderSupervisionProcess.Elements.TASK_SUPERVISE_HOT_ORDER, supervision),
        withVariables(HandlingEscalationProcess.Vars.SUPERVISION_NOTE, "已办结，群众满意，销号"));

    assertThat(supervision)
        .isEnded()
        .hasPassed(OrderSupervisionProcess.Elements.END_SUPERVISION_CLOSED);
    Assertions.assertThat(supervisions.open(number, "已办结", "supervisor1"))
        .contains(OrderSupervisions.Refusal.ALREADY_CLOSED);
    Assertions.assertThat(supervisions.open("19990101-000001", "不存在", "supervisor1"))
        .contains(OrderSupervisions.Refusal.NO_SUCH_ORDER);
  }

  /** The escalation ladder running for the order's current handling. */
  private ProcessInstance escalationOf(ProcessInstance order) {
    return escalationOf(order, EscalatedStep.HANDLING);
  }

  /** The escalation ladder running for a step of the order. */
  private ProcessInstance escalationOf(ProcessInstance order, EscalatedStep step) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(HandlingEscalationProcess.KEY)
        .processInstanceBusinessKey(order.getBusinessKey())
        .variableValueEquals(HandlingEscalationProcess.Vars.ESCALATED_STEP, step.name())
        .active()
        .singleResult();
  }

  private long laddersRunningFor(ProcessInstance order) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(HandlingEscalationProcess.KEY)
        .processInstanceBusinessKey(order.getBusinessKey())
        .active()
        .count();
  }

  @Test
  void wageArrearsIsLedByTheHrssWithTheDistrictAsCoUnitWhoseContributionTheReplyMustInclude() {
    ProcessInstance order = register(request("HELP", "WAGE_ARREARS", "SAERTU"));
    assertThat(order)
        .variables()
        .containsEntry(Vars.UNIT, Units.HRSS)
        .containsEntry(Vars.CO_UNITS, Units.DISTRICT_SAERTU);
    assertThat(order).isWaitingAt(TASK_SIGN_WORK_ORDER).isNotWaitingAt(TASK_SIGN_CO_HANDLING);

    ClockUtil.setCurrentTime(at("2026-11-20T10:05"));
    sign(order);

    assertThat(order).isWaitingAt(TASK_HANDLE_WORK_ORDER, TASK_SIGN_CO_HANDLING);
    assertThat(task(TASK_SIGN_CO_HANDLING, order))
        .hasCandidateGroup(Units.DISTRICT_SAERTU)
        .as("the order's own signing limit: urgent, 30 minutes")
        .hasDueDate(at("2026-11-20T10:35"));
    Assertions.assertThat(
            authorizations.isUserAuthorized(
                "saertu1",
                List.of(Units.DISTRICT_SAERTU),
                Permissions.READ,
                Resources.PROCESS_INSTANCE,
                order.getId()))
        .as("the co-unit reads the order it helps with")
        .isTrue();
    assertRejected(() -> reply(order), Vars.CO_HANDLING_CONTRIBUTIONS);

    ClockUtil.setCurrentTime(at("2026-11-20T10:20"));
    actAs("saertu1", Units.DISTRICT_SAERTU);
    complete(task(TASK_SIGN_CO_HANDLING, order));
    assertThat(task(TASK_CONTRIBUTE_CO_HANDLING, order))
        .isAssignedTo("saertu1")
        .as("half of the lead's 3 working days (urgent help), rounded up: 2, from Friday")
        .hasDueDate(at("2026-11-24T17:30"));
    assertRejected(() -> complete(task(TASK_CONTRIBUTE_CO_HANDLING, order)), Vars.CONTRIBUTION);
    complete(
        task(TASK_CONTRIBUTE_CO_HANDLING, order),
        withVariables(Vars.CONTRIBUTION, "已约谈用人单位负责人，承诺本月底前结清"));
    identity.clearAuthentication();

    assertThat(order)
        .hasPassed(END_CO_UNIT_CONTRIBUTED, END_CO_HANDLING_DONE)
        .isWaitingAt(TASK_HANDLE_WORK_ORDER)
        .variables()
        .containsEntry(Vars.CO_HANDLING_CONTRIBUTIONS, "【萨尔图区人民政府】已约谈用人单位负责人，承诺本月底前结清（saertu1）")
        .containsEntry(Vars.CO_UNITS_PENDING, "")
        .containsEntry(Vars.CO_HANDLED_IN_TIME, true)
        .doesNotContainKey(Vars.CONTRIBUTION);

    reply(order);
    assertThat(order).isWaitingAt(TASK_REVIEW_REPLY);
    Assertions.assertThat(laddersRunningFor(order)).isZero();
  }

  @Test
  void aDispatcherNamesCoUnitsAndALateCoUnitIsEscalatedLikeTheLead() {
    ProcessInstance order = register(request("COMPLAINT", "PROPERTY_MANAGEMENT", "SAERTU"));
    assertRejected(
        () ->
            complete(
                task(TASK_CHOOSE_UNIT, order),
                withVariables(
                    Vars.UNIT, Units.DISTRICT_SAERTU, Vars.CO_UNITS, List.of("unitNowhere"))),
        Vars.CO_UNITS);
    // As Tasklist submits a checklist: a JSON array.
    complete(
        task(TASK_CHOOSE_UNIT, order),
        withVariables(
            Vars.UNIT,
            Units.DISTRICT_SAERTU,
            Vars.CO_UNITS,
            org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                    "[\"unitWater\", \"unitHeating\", \"districtSaertu\"]")
                .create()));
    assertThat(order)
        .variables()
        .as("the lead unit is not its own co-unit")
        .containsEntry(Vars.CO_UNITS, Units.WATER + "," + Units.HEATING);

    sign(order);
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(order.getId())
                .taskDefinitionKey(TASK_SIGN_CO_HANDLING)
                .list())
        .extracting(t -> runtime.getVariable(t.getExecutionId(), Vars.CO_UNIT))
        .containsExactlyInAnyOrder(Units.WATER, Units.HEATING);

    ProcessInstance waterLadder = coLadder(order, EscalatedStep.CO_SIGNING, Units.WATER);
    Assertions.assertThat(
            timer(waterLadder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING)
                .getDuedate())
        .as("75% of the 4 hours on the clock")
        .isEqualTo(at("2026-11-20T13:00"));
    ClockUtil.setCurrentTime(at("2026-11-20T14:01"));
    execute(timer(waterLadder, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING));
    execute(timer(waterLadder, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE));
    assertThat(order)
        .variables()
        .containsEntry(Vars.CO_HANDLING_WARNED, true)
        .containsEntry(Vars.CO_HANDLING_OVERDUE, true);

    for (String unit : List.of(Units.WATER, Units.HEATING)) {
      Task signing = coTask(order, TASK_SIGN_CO_HANDLING, unit);
      complete(signing);
      complete(
          coTask(order, TASK_CONTRIBUTE_CO_HANDLING, unit),
          withVariables(Vars.CONTRIBUTION, unit + " 已排查本单位负责的部分"));
    }
    assertThat(order)
        .variables()
        .containsEntry(Vars.CO_HANDLED_IN_TIME, false)
        .containsEntry(Vars.CO_UNITS_PENDING, "");
    Assertions.assertThat(
            (String) runtime.getVariable(order.getId(), Vars.CO_HANDLING_CONTRIBUTIONS))
        .contains("【市供水公司】" + Units.WATER + " 已排查本单位负责的部分")
        .contains("【市热力公司】" + Units.HEATING + " 已排查本单位负责的部分");
    Assertions.assertThat(waterLadder.getId())
        .as("the water company's ladder stopped when it signed")
        .isNotIn(
            runtime.createProcessInstanceQuery().active().list().stream()
                .map(ProcessInstance::getId)
                .toList());
    reply(order);
    assertThat(order).isWaitingAt(TASK_REVIEW_REPLY);
  }

  @Test
  void signingAndTheNextDayCallBackFeedTheLadderTooWhichStopsWhenTheStepIsDone() {
    ClockUtil.setCurrentTime(at("2026-11-20T20:00"));
    ProcessInstance order = register(request("HELP", "MEDICAL_RESIDENT_CLAIM", "SAERTU"));
    ProcessInstance signing = escalationOf(order, EscalatedStep.SIGNING);
    ProcessInstance contact = escalationOf(order, EscalatedStep.CONTACT);
    Assertions.assertThat(
            timer(signing, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING).getDuedate())
        .as("75% of 4 hours on the clock, at night too")
        .isEqualTo(at("2026-11-20T23:00"));
    Assertions.assertThat(
            timer(contact, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING).getDuedate())
        .as("75% of the one working hour before 10:00 on Monday")
        .isEqualTo(at("2026-11-23T09:45"));

    ClockUtil.setCurrentTime(at("2026-11-20T23:01"));
    execute(timer(signing, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING));
    assertThat(order).variables().containsEntry(Vars.SIGNING_WARNED, true);
    sign(order);
    assertThat(signing)
        .isEnded()
        .hasPassed(HandlingEscalationProcess.Elements.END_ESCALATION_STOPPED);

    ClockUtil.setCurrentTime(at("2026-11-23T09:46"));
    execute(timer(contact, HandlingEscalationProcess.Elements.TIMER_HANDLING_WARNING));
    assertThat(order).variables().containsEntry(Vars.CONTACT_WARNED, true);
    Assertions.assertThat(
            timer(contact, HandlingEscalationProcess.Elements.TIMER_HANDLING_OVERDUE).getDuedate())
        .isEqualTo(at("2026-11-23T10:00"));
    ClockUtil.setCurrentTime(at("2026-11-23T09:50"));
    complete(task(TASK_CONTACT_CITIZEN, order), withVariables(Vars.CONTACT_NOTE, "已电话联系诉求人"));
    assertThat(contact)
        .isEnded()
        .hasPassed(HandlingEscalationProcess.Elements.END_ESCALATION_STOPPED);
    assertThat(escalationOf(order)).as("only the handling ladder runs now").isNotNull();
  }

  private ProcessInstance coLadder(ProcessInstance order, EscalatedStep step, String unit) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(HandlingEscalationProcess.KEY)
        .processInstanceBusinessKey(order.getBusinessKey())
        .variableValueEquals(HandlingEscalationProcess.Vars.ESCALATED_STEP, step.name())
        .variableValueEquals(Vars.UNIT, unit)
        .active()
        .singleResult();
  }

  private Task coTask(ProcessInstance order, String taskId, String unit) {
    return taskQuery().processInstanceId(order.getId()).taskDefinitionKey(taskId).list().stream()
        .filter(t -> unit.equals(runtime.getVariable(t.getExecutionId(), Vars.CO_UNIT)))
        .findFirst()
        .orElseThrow();
  }

  private org.camunda.bpm.engine.task.TaskQuery taskQuery() {
    return engine.getTaskService().createTaskQuery();
  }

  @Test
  void aReturnMustGiveItsReason() {
    ProcessInstance order = register(request("HELP", "HEATING", "SAERTU"));

    assertRejected(
        () ->
            complete(task(TASK_SIGN_WORK_ORDER, order), withVariables(Vars.SIGN_ACTION, "RETURN")),
        Vars.RETURN_REASON);
  }

  @Test
  void aCitizenNotReachedThreeTimesTwoHoursApartClosesAsUnreachable() {
    ProcessInstance order = registerSignAndReply(request("HELP", "WATER_SUPPLY", "SAERTU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));

    for (int attempt = 1; attempt <= 2; attempt++) {
      complete(
          task(TASK_REVISIT_CITIZEN, order), withVariables(Vars.CITIZEN_REACHED, "UNREACHABLE"));
      assertThat(order).isWaitingAt(TIMER_NEXT_REVISIT_ATTEMPT);
      Assertions.assertThat(
              management
                  .createJobQuery()
                  .processInstanceId(order.getId())
                  .singleResult()
                  .getDuedate())
          .as("the next call at a different time")
          .isEqualTo(at("2026-11-20T12:00"));
      execute(management.createJobQuery().processInstanceId(order.getId()).singleResult());
    }
    complete(task(TASK_REVISIT_CITIZEN, order), withVariables(Vars.CITIZEN_REACHED, "UNREACHABLE"));

    assertThat(order).isEnded();
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "UNREACHABLE")
        .containsEntry(Vars.REVISIT_ATTEMPTS, 3);
  }

  @Test
  void anUnsatisfiedCitizenWhoseUnitIsNotResponsibleClosesWithoutRehandling() {
    ProcessInstance order = registerSignAndReply(request("COMPLAINT", "NOISE", "SAERTU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));
    complete(
        task(TASK_REVISIT_CITIZEN, order),
        withVariables(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "UNSATISFIED"));

    assertThat(task(TASK_JUDGE_RESPONSIBILITY, order)).hasCandidateGroup(Roles.REVIEWERS);
    complete(
        task(TASK_JUDGE_RESPONSIBILITY, order),
        withVariables(
            Vars.UNIT_RESPONSIBLE, "NOT_RESPONSIBLE", Vars.JUDGEMENT_NOTE, "诉求超出政策规定，已依法答复"));

    assertThat(order).isEnded().hasNotPassed(TASK_ARRANGE_REHANDLING);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "UNRESOLVED")
        .containsEntry(Vars.REHANDLING_COUNT, 0);
  }

  @Test
  void aCitizenReachedMustGiveTheirSatisfaction() {
    ProcessInstance order = registerSignAndReply(request("HELP", "HEATING", "SAERTU"));
    complete(task(TASK_REVIEW_REPLY, order), withVariables(Vars.REVIEW_DECISION, "ACCEPTED"));

    assertRejected(
        () ->
            complete(
                task(TASK_REVISIT_CITIZEN, order), withVariables(Vars.CITIZEN_REACHED, "REACHED")),
        Vars.SATISFACTION);
  }

  @Test
  void aConsultationAnsweredAtOnceClosesWithoutDispatchAsResolvedAtFirstContact() {
    Map<String, Object> call = request("CONSULTATION", "HOUSING_FUND_BALANCE", "SAERTU");
    call.put(Vars.INTAKE_OUTCOME, "ANSWERED");
    call.put(Vars.DIRECT_ANSWER, "可通过住房公积金网上服务大厅或12329热线查询余额。");

    ProcessInstance order = register(call);

    assertThat(order)
        .isEnded()
        .hasPassed(TASK_CLOSE_AT_INTAKE, END_CLOSED_AT_INTAKE)
        .hasNotPassed(TASK_DECIDE_ROUTING);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "ANSWERED_DIRECTLY")
        .containsEntry(Vars.FIRST_CONTACT_RESOLUTION, true)
        .containsEntry(Vars.CLOSED_AT, at("2026-11-20T10:00"));
  }

  @Test
  void aMatterOutOfScopeClosesAsNotAcceptedWithTheReasonAndTheChannelGiven() {
    Map<String, Object> call = request("HELP", "OTHER", "SAERTU");
    call.put(Vars.INTAKE_OUTCOME, "OUT_OF_SCOPE");
    call.put(Vars.OUT_OF_SCOPE_REASON, "LEGAL_PROCEEDINGS");
    call.put(Vars.REDIRECTED_TO, "已告知向萨尔图区人民法院咨询");

    ProcessInstance order = register(call);

    assertThat(order).isEnded().hasPassed(END_CLOSED_AT_INTAKE);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "NOT_ACCEPTED")
        .containsEntry(Vars.OUT_OF_SCOPE_REASON, "LEGAL_PROCEEDINGS")
        .containsEntry(Vars.REDIRECTED_TO, "已告知向萨尔图区人民法院咨询")
        .containsEntry(Vars.FIRST_CONTACT_RESOLUTION, false);
  }

  @Test
  void anEmergencyIsHandedOverAndTheHandOverRecorded() {
    Map<String, Object> call = request("HELP", "OTHER", "RANGHULU");
    call.put(Vars.INTAKE_OUTCOME, "EMERGENCY");
    call.put(Vars.EMERGENCY_LINE, "119");
    call.put(Vars.HANDOVER_NOTE, "10:02 转接119，接警员 0231 号");

    ProcessInstance order = register(call);

    assertThat(order).isEnded().hasPassed(END_CLOSED_AT_INTAKE);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "HANDED_OVER_TO_EMERGENCY")
        .containsEntry(Vars.EMERGENCY_LINE, "119")
        .containsEntry(Vars.HANDOVER_NOTE, "10:02 转接119，接警员 0231 号");
  }

  @Test
  void aThreeWayCallThatResolvesTheMatterClosesAndOneThatDoesNotBecomesAWorkOrder() {
    Map<String, Object> resolved = request("CONSULTATION", "SOCIAL_SECURITY_CARD", "SAERTU");
    resolved.put(Vars.INTAKE_OUTCOME, "THREE_WAY_CALL");
    resolved.put(Vars.SPECIALIST, "市人社局 社保卡专员 王敏");
    resolved.put(Vars.THREE_WAY_RESOLVED, true);
    Map<String, Object> unresolved = new HashMap<>(resolved);
    unresolved.put(Vars.THREE_WAY_RESOLVED, false);

    ProcessInstance settled = register(resolved);
    ProcessInstance dispatched = register(unresolved);

    assertThat(settled).isEnded();
    Assertions.assertThat(historicVariables(settled))
        .containsEntry(Vars.OUTCOME, "RESOLVED_ON_THREE_WAY_CALL")
        .containsEntry(Vars.FIRST_CONTACT_RESOLUTION, true)
        .containsEntry(Vars.SPECIALIST, "市人社局 社保卡专员 王敏");
    assertThat(dispatched).isWaitingAt(TASK_SIGN_WORK_ORDER);
    assertThat(task(TASK_SIGN_WORK_ORDER, dispatched)).hasCandidateGroup(Units.HRSS);
  }

  @Test
  void aCallClosedAtIntakeMustSayHow() {
    Map<String, Object> answered = request("CONSULTATION", "HOUSING_FUND_BALANCE", "SAERTU");
    answered.put(Vars.INTAKE_OUTCOME, "ANSWERED");
    Map<String, Object> outOfScope = request("HELP", "OTHER", "SAERTU");
    outOfScope.put(Vars.INTAKE_OUTCOME, "OUT_OF_SCOPE");

    assertRejected(() -> register(answered), Vars.DIRECT_ANSWER);
    assertRejected(() -> register(outOfScope), Vars.OUT_OF_SCOPE_REASON, Vars.REDIRECTED_TO);
  }

  @Test
  void registrationWithBadFieldsStartsNothing() {
    Map<String, Object> bad = request("CONSULTATION", "NOT_A_CATEGORY", "SAERTU");
    bad.put(Vars.PHONE, "12345");
    bad.put(Vars.CONTENT, "");
    long before =
        runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();

    assertRejected(() -> register(bad), Vars.CATEGORY, Vars.PHONE, Vars.CONTENT);
    Assertions.assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count())
        .isEqualTo(before);
  }

  /** Acts as a user of {@code group}, the way Tasklist authenticates them (groups included). */
  private void actAs(String user, String group) {
    identity.setAuthentication(user, java.util.List.of(group));
  }

  /**
   * The call was refused for exactly these fields. The engine wraps what a task listener throws, so
   * the form check is looked for along the causes.
   */
  private static void assertRejected(ThrowingCallable call, String... fields) {
    Throwable thrown = Assertions.catchThrowable(call);
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof FormValidationException)) {
      cause = cause.getCause();
    }
    Assertions.assertThat(cause)
        .as("form check in %s", thrown)
        .isInstanceOf(FormValidationException.class);
    Assertions.assertThat(((FormValidationException) cause).violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(fields);
  }

  /**
   * The unit signs; an urgent order then gets its leader's instruction, as it must before handling.
   */
  private void sign(ProcessInstance order) {
    complete(task(TASK_SIGN_WORK_ORDER, order));
    if (runtime
            .createProcessInstanceQuery()
            .processInstanceId(order.getId())
            .activityIdIn(TASK_LEADER_INSTRUCTION)
            .count()
        > 0) {
      complete(
          task(TASK_LEADER_INSTRUCTION, order), withVariables(Vars.LEADER_INSTRUCTION, "请立即组织处理"));
    }
  }

  private ProcessInstance registerSignAndReply(Map<String, Object> request) {
    ProcessInstance order = register(request);
    sign(order);
    reply(order);
    return order;
  }

  private void reply(ProcessInstance order) {
    complete(
        task(TASK_HANDLE_WORK_ORDER, order),
        withVariables(
            Vars.HANDLING_RESULT,
            "RESOLVED",
            Vars.REPLY_CONTENT,
            "已现场处理并答复诉求人",
            Vars.CITIZEN_CONTACTED,
            true));
  }

  /**
   * Registers a request. A consultation first goes to the agent with the knowledge base's answers;
   * here the agent finds none that fits, so it goes on as a work order (the knowledge tests take
   * the other way).
   */
  private ProcessInstance register(Map<String, Object> request) {
    ProcessInstance order = runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, request);
    if (runtime
            .createProcessInstanceQuery()
            .processInstanceId(order.getId())
            .activityIdIn(TASK_ANSWER_FROM_KNOWLEDGE)
            .count()
        > 0) {
      complete(
          task(TASK_ANSWER_FROM_KNOWLEDGE, order),
          withVariables(Vars.KNOWLEDGE_ACTION, Codes.KNOWLEDGE_NOT_ANSWERED));
    }
    return order;
  }

  @Test
  void aConsultationTheKnowledgeBaseAnswersClosesAsAnsweredDirectlyRecordingTheArticle() {
    Map<String, Object> call = request("CONSULTATION", "HOUSING_FUND_WITHDRAWAL", "SAERTU");
    call.put(Vars.CONTENT, "我想问一下公积金怎么提取出来，要带什么材料");
    actAs("agent1", Roles.HOTLINE_AGENTS);
    ProcessInstance order = runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, call);
    identity.clearAuthentication();

    assertThat(order)
        .hasPassed(TASK_SEARCH_KNOWLEDGE)
        .isWaitingAt(TASK_ANSWER_FROM_KNOWLEDGE)
        .hasNotPassed(TASK_DISPATCH_WORK_ORDER);
    Task answer = task(TASK_ANSWER_FROM_KNOWLEDGE, order);
    assertThat(answer).as("back to the agent who took the call").isAssignedTo("agent1");
    org.camunda.spin.json.SpinJsonNode best =
        ((org.camunda.spin.json.SpinJsonNode)
                runtime.getVariable(order.getId(), SearchKnowledgeBaseDelegate.MATCHES))
            .elements()
            .get(0);
    Assertions.assertThat(best.prop("question").stringValue()).contains("提取");
    String articleId = best.prop("articleId").stringValue();
    Assertions.assertThat(
            ((org.camunda.spin.json.SpinJsonNode)
                    runtime.getVariable(order.getId(), Vars.KNOWLEDGE_OPTIONS))
                .elements()
                .get(0)
                .prop("value")
                .stringValue())
        .as("the form offers the matches to choose from")
        .isEqualTo(articleId);
    Assertions.assertThat((String) runtime.getVariable(order.getId(), Vars.KNOWLEDGE_ANSWERS))
        .startsWith("1. " + best.prop("question").stringValue());

    assertRejected(
        () ->
            complete(
                answer,
                withVariables(
                    Vars.KNOWLEDGE_ACTION,
                    Codes.KNOWLEDGE_ANSWERED,
                    Vars.KNOWLEDGE_ARTICLE_ID,
                    "not-offered")),
        Vars.KNOWLEDGE_ARTICLE_ID);
    complete(
        answer,
        withVariables(
            Vars.KNOWLEDGE_ACTION, Codes.KNOWLEDGE_ANSWERED, Vars.KNOWLEDGE_ARTICLE_ID, articleId));

    assertThat(order)
        .isEnded()
        .hasPassed(TASK_CLOSE_ANSWERED_FROM_KNOWLEDGE, END_ANSWERED_FROM_KNOWLEDGE)
        .hasNotPassed(TASK_DISPATCH_WORK_ORDER);
    Assertions.assertThat(historicVariables(order))
        .containsEntry(Vars.OUTCOME, "ANSWERED_DIRECTLY")
        .containsEntry(Vars.FIRST_CONTACT_RESOLUTION, true)
        .containsEntry(Vars.KNOWLEDGE_ARTICLE_ID, articleId)
        .containsEntry(Vars.KNOWLEDGE_ARTICLE_SAMPLE, true)
        .containsEntry(Vars.DIRECT_ANSWER, best.prop("answer").stringValue());
  }

  @Test
  void aConsultationTheKnowledgeBaseCannotAnswerBecomesAWorkOrderAndAGapForTheRoutedUnit() {
    Map<String, Object> call = request("CONSULTATION", "HOUSING_FUND_LOAN", "SAERTU");
    call.put(Vars.CONTENT, "公积金贷款能不能用来装修老房子");
    ProcessInstance order = runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, call);
    complete(
        task(TASK_ANSWER_FROM_KNOWLEDGE, order),
        withVariables(Vars.KNOWLEDGE_ACTION, Codes.KNOWLEDGE_NOT_ANSWERED));

    assertThat(order)
        .isWaitingAt(TASK_SIGN_WORK_ORDER, TASK_OPEN_KNOWLEDGE_GAP)
        .hasNotPassed(END_ANSWERED_FROM_KNOWLEDGE);
    execute(
        management
            .createJobQuery()
            .processInstanceId(order.getId())
            .activityId(TASK_OPEN_KNOWLEDGE_GAP)
            .singleResult());

    assertThat(order)
        .hasPassed(END_KNOWLEDGE_GAP_OPENED)
        .variables()
        .containsEntry(OpenKnowledgeGapDelegate.GAP_KEY, "KG-" + order.getBusinessKey());
    ProcessInstance gap =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(KnowledgeGapProcess.KEY)
            .processInstanceBusinessKey("KG-" + order.getBusinessKey())
            .singleResult();
    assertThat(gap).isWaitingAt(KnowledgeGapProcess.Elements.TASK_WRITE_ANSWER);
    assertThat(task(KnowledgeGapProcess.Elements.TASK_WRITE_ANSWER, gap))
        .hasCandidateGroup(Units.HOUSING_FUND)
        .as("5 working days (seed 000)")
        .hasDueDate(at("2026-11-27T17:30"));
  }

  /** The timer of {@code order} waiting at the boundary event {@code timerId}. */
  private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance order, String timerId) {
    return management
        .createJobQuery()
        .processInstanceId(order.getId())
        .timers()
        .activityId(timerId)
        .singleResult();
  }

  private Map<String, Object> historicVariables(ProcessInstance order) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance v :
        history.createHistoricVariableInstanceQuery().processInstanceId(order.getId()).list()) {
      values.put(v.getName(), v.getValue());
    }
    return values;
  }

  /** A request as a hotline agent registers it in Tasklist's start form. */
  static Map<String, Object> request(String type, String category, String district) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.CHANNEL, "PHONE");
    v.put(Vars.CALLER_NAME, "张三");
    v.put(Vars.PHONE, TestPhones.unique());
    v.put(Vars.ENTERPRISE, false);
    v.put(Vars.DISTRICT, district);
    v.put(Vars.ADDRESS, "萨尔图区中七路 28 号");
    v.put(Vars.REQUEST_TYPE, type);
    v.put(Vars.CATEGORY, category);
    v.put(Vars.CONTENT, "市民来电反映的诉求内容");
    v.put(Vars.URGENT_MARKED, false);
    v.put(Vars.INTAKE_OUTCOME, "WORK_ORDER");
    return v;
  }
}
