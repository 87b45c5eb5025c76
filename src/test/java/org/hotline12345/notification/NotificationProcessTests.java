package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hotline12345.ShanghaiTime.at;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.TestPhones;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.privacy.PersonalData;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The messages the work-order process sends, as its steps write them to the outbox: the citizen's
 * SMS goes to that order's phone only, the unit is e-mailed, a step that rolls back sends nothing,
 * and a message that cannot be delivered never holds up the order. 20 November 2026 is a Friday.
 */
@HotlineSpringTest
class NotificationProcessTests {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired Outbox outbox;
  @Autowired NotificationDelivery delivery;
  @Autowired StaffAddresses addresses;
  @LocalServerPort int port;

  @BeforeEach
  void fridayMorning() {
    NotificationDeliveryTests.drain(delivery, outbox);
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at("2026-11-20T10:00"));
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void eachCitizenGetsTheirOrderNumberBySmsOnTheirOwnPhoneOnly() {
    String phoneA = TestPhones.unique();
    String phoneB = TestPhones.unique();
    ProcessInstance a = register(request(phoneA));
    ProcessInstance b = register(request(phoneB));

    List<OutboxEntry> smsA = sms(a);
    List<OutboxEntry> smsB = sms(b);
    assertThat(smsA)
        .singleElement()
        .returns("orderRegistered", OutboxEntry::message)
        .returns(phoneA, OutboxEntry::recipient)
        .returns("Flow_IntakeOutcomeWorkOrder", OutboxEntry::elementId);
    assertThat(smsA.get(0).body()).contains("工单编号" + a.getBusinessKey() + "。");
    assertThat(smsB).singleElement().returns(phoneB, OutboxEntry::recipient);
    assertThat(smsB.get(0).body()).contains(b.getBusinessKey()).doesNotContain(a.getBusinessKey());
  }

  @Test
  void aCallAnsweredAtIntakeGetsNoSms() {
    Map<String, Object> call = request(TestPhones.unique());
    call.put(Vars.CATEGORY, "HOUSING_FUND_BALANCE");
    call.put(Vars.INTAKE_OUTCOME, "ANSWERED");
    call.put(Vars.DIRECT_ANSWER, "可通过住房公积金网上服务大厅或12329热线查询余额。");

    ProcessInstance answered = register(call);

    assertThat(outbox.ofWorkOrder(answered.getBusinessKey())).isEmpty();
  }

  @Test
  void theUnitIsEmailedWhenAnOrderWaitsForItsSignatureAndRemindedWhenSigningIsLate() {
    ProcessInstance order = register(request(TestPhones.unique()));

    OutboxEntry toSign = email(order, "signingRequested");
    assertThat(toSign.recipient()).isEqualTo(Units.HOUSING_FUND);
    assertThat(toSign.subject()).isEqualTo("【12345热线】新工单待签收：" + order.getBusinessKey());
    assertThat(toSign.body()).contains("请于2026年11月20日 14:00前").contains("公积金提取");

    ClockUtil.setCurrentTime(at("2026-11-20T14:00"));
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(order.getId())
            .activityId(Elements.TIMER_SIGN_OVERDUE)
            .singleResult()
            .getId());

    assertThat(email(order, "signingOverdue").recipient()).isEqualTo(Units.HOUSING_FUND);
    delivery.deliverDue();
    assertThat(outbox.ofWorkOrder(order.getBusinessKey()))
        .extracting(OutboxEntry::status)
        .containsOnly(OutboxEntry.Status.SENT);
  }

  @Test
  void anSmsThatCannotBeDeliveredFailsThreeTimesAndTheOrderGoesOn() throws IOException {
    NotificationDelivery gatewayDown =
        new NotificationDelivery(
            outbox,
            HttpSmsGatewayTests.sender(HttpSmsGatewayTests.refusingUrl(), Duration.ofSeconds(2)),
            new LogEmailSender(),
            addresses,
            identity,
            new NotificationProperties.Retry(
                3, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))),
            new NotificationProperties.Poller(
                false, Duration.ofSeconds(30), 50, Duration.ofMinutes(10)));
    String phone = TestPhones.unique();
    ProcessInstance order = register(request(phone));

    gatewayDown.deliverDue();
    ClockUtil.setCurrentTime(at("2026-11-20T10:01"));
    gatewayDown.deliverDue();
    ClockUtil.setCurrentTime(at("2026-11-20T10:05"));
    identity.setAuthentication("fund1", List.of(Units.HOUSING_FUND));
    complete(task(Elements.TASK_SIGN_WORK_ORDER, order));
    identity.clearAuthentication();
    ClockUtil.setCurrentTime(at("2026-11-20T10:06"));
    gatewayDown.deliverDue();

    OutboxEntry failed = sms(order).get(0);
    assertThat(failed.status()).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(order)
        .as("the order went on while its SMS failed")
        .isWaitingAt(Elements.TASK_HANDLE_WORK_ORDER);
    ApiClient.Answer listed =
        ApiClient.as(port, "demo").get("/api/admin/notifications?status=FAILED");
    assertThat(listed.json().toString())
        .contains(failed.id())
        .contains(PersonalData.maskPhone(phone))
        .doesNotContain(phone);
  }

  @Test
  void aStepThatRollsBackLeavesNoMessageInTheOutbox() {
    String deployment =
        repository
            .createDeployment()
            .name("notification rollback probe")
            .addString("notificationRollbackProbe.bpmn", PROBE)
            .deploy()
            .getId();
    try {
      String kept = "PROBE-" + TestPhones.unique();
      runtime.startProcessInstanceByKey("notificationRollbackProbe", kept, probe(kept, false));
      assertThat(outbox.ofWorkOrder(kept))
          .as("the probe's message is written when its step commits")
          .singleElement()
          .returns("orderRegistered", OutboxEntry::message);

      String rolledBack = "PROBE-" + TestPhones.unique();
      assertThatThrownBy(
              () ->
                  runtime.startProcessInstanceByKey(
                      "notificationRollbackProbe", rolledBack, probe(rolledBack, true)))
          .hasMessageContaining("noSuchBean");

      assertThat(outbox.ofWorkOrder(rolledBack))
          .as("the message was written in the step's transaction, and went with it")
          .isEmpty();
      assertThat(
              runtime.createProcessInstanceQuery().processInstanceBusinessKey(rolledBack).count())
          .isZero();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void theReviewersSendBackEmailsTheUnitWithTheReviewersComment() {
    ProcessInstance order = register(request(TestPhones.unique()));
    identity.setAuthentication("fund1", List.of(Units.HOUSING_FUND));
    complete(task(Elements.TASK_SIGN_WORK_ORDER, order));
    complete(
        task(Elements.TASK_HANDLE_WORK_ORDER, order),
        Map.of(
            Vars.HANDLING_ACTION, "REPLY",
            Vars.HANDLING_RESULT, "EXPLAINED",
            Vars.REPLY_CONTENT, "已电话告知提取所需材料。",
            Vars.CITIZEN_CONTACTED, true));
    identity.setAuthentication("reviewer1", List.of(Roles.REVIEWERS));
    complete(
        task(Elements.TASK_REVIEW_REPLY, order),
        Map.of(Vars.REVIEW_DECISION, "SENT_BACK", Vars.REVIEW_COMMENT, "未说明办理时限"));

    OutboxEntry sentBack = email(order, "replySentBack");
    assertThat(sentBack.recipient()).isEqualTo(Units.HOUSING_FUND);
    assertThat(sentBack.body()).contains("审核意见：未说明办理时限");
  }

  @Test
  void theCitizenIsToldBySmsOfAnApprovedExtensionAndItsNewDeadline() {
    String phone = TestPhones.unique();
    ProcessInstance order = register(request(phone));
    complete(task(Elements.TASK_SIGN_WORK_ORDER, order));
    complete(
        task(Elements.TASK_HANDLE_WORK_ORDER, order),
        withVariables(
            Vars.HANDLING_ACTION, "REQUEST_EXTENSION",
            Vars.EXTENSION_REASON, "须调取银行流水核对",
            Vars.LEGAL_BASIS, "《住房公积金管理条例》第二十四条",
            Vars.REQUESTED_DEADLINE, "2026-12-04T17:30"));
    assertThat(sms(order)).extracting(OutboxEntry::message).containsExactly("orderRegistered");
    complete(
        task(Elements.TASK_REVIEW_EXTENSION, order),
        withVariables(Vars.EXTENSION_DECISION, "APPROVED"));

    OutboxEntry extended =
        sms(order).stream()
            .filter(e -> e.message().equals("extensionApproved"))
            .findFirst()
            .orElseThrow();
    assertThat(extended.recipient()).isEqualTo(phone);
    assertThat(extended.body())
        .contains(order.getBusinessKey())
        .contains("新的办理时限为2026年12月4日 17:30");
  }

  @Test
  void eachRungOfTheLadderIsMailedToTheUnitThenTheSupervisorsAndTheOfficeAndTheUnitsLeaders() {
    ProcessInstance order = register(request(TestPhones.unique()));
    complete(task(Elements.TASK_SIGN_WORK_ORDER, order));
    String ladder =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("handlingEscalation")
            .processInstanceBusinessKey(order.getBusinessKey())
            .variableValueEquals("escalatedStep", "HANDLING")
            .active()
            .singleResult()
            .getId();
    ClockUtil.setCurrentTime(at("2027-01-29T10:00"));
    for (String rung :
        List.of(
            "Timer_HandlingWarning",
            "Timer_HandlingOverdue",
            "Timer_EscalateToSupervisors",
            "Timer_EscalateToOffice")) {
      management.executeJob(
          management
              .createJobQuery()
              .processInstanceId(ladder)
              .activityId(rung)
              .singleResult()
              .getId());
    }

    assertThat(email(order, "handlingDeadlineNear").recipient()).isEqualTo(Units.HOUSING_FUND);
    assertThat(email(order, "handlingOverdue").recipient()).isEqualTo(Units.HOUSING_FUND);
    assertThat(email(order, "overdueOrderEscalated").recipient()).isEqualTo(Roles.SUPERVISORS);
    assertThat(email(order, "officeSupervisionRequested").recipient())
        .isEqualTo(Roles.SUPERVISION_OFFICE);
    OutboxEntry toLeaders = email(order, "escalatedToLeaders");
    assertThat(toLeaders.recipient()).isEqualTo(Units.leadersOf(Units.HOUSING_FUND));
    assertThat(toLeaders.body()).startsWith("市住房公积金管理中心领导：").contains("「办理工单」时限为2026年11月27日 17:30");
    assertThat(email(order, "officeSupervisionToLeaders").recipient())
        .isEqualTo(Units.leadersOf(Units.HOUSING_FUND));
  }

  @Test
  void aCoUnitLateToSignIsWarnedByEmailNamingTheStepAndItsOwnDeadline() {
    Map<String, Object> wages = request(TestPhones.unique());
    wages.put(Vars.REQUEST_TYPE, "HELP");
    wages.put(Vars.CATEGORY, "WAGE_ARREARS");
    ProcessInstance order = register(wages);
    complete(task(Elements.TASK_SIGN_WORK_ORDER, order));
    complete(
        task(Elements.TASK_LEADER_INSTRUCTION, order),
        withVariables(Vars.LEADER_INSTRUCTION, "请会同属地政府处理"));

    OutboxEntry toCoSign = email(order, "coHandlingRequested");
    assertThat(toCoSign.recipient()).isEqualTo(Units.DISTRICT_SAERTU);
    assertThat(toCoSign.body())
        .startsWith("萨尔图区人民政府：")
        .contains("由市人力资源和社会保障局主办")
        .contains("请于2026年11月20日 10:30前");

    ClockUtil.setCurrentTime(at("2026-11-20T10:23"));
    String coSigningLadder =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("handlingEscalation")
            .processInstanceBusinessKey(order.getBusinessKey())
            .variableValueEquals(Vars.UNIT, Units.DISTRICT_SAERTU)
            .active()
            .singleResult()
            .getId();
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(coSigningLadder)
            .activityId("Timer_HandlingWarning")
            .singleResult()
            .getId());

    OutboxEntry warning = email(order, "handlingDeadlineNear");
    assertThat(warning.recipient()).isEqualTo(Units.DISTRICT_SAERTU);
    assertThat(warning.subject()).isEqualTo("【12345热线】工单协办签收时限将到：" + order.getBusinessKey());
    assertThat(warning.body()).startsWith("萨尔图区人民政府：").contains("「协办签收」时限为2026年11月20日 10:30");
  }

  private List<OutboxEntry> sms(ProcessInstance order) {
    return outbox.ofWorkOrder(order.getBusinessKey()).stream()
        .filter(e -> e.channel() == Channel.SMS)
        .toList();
  }

  private OutboxEntry email(ProcessInstance order, String message) {
    return outbox.ofWorkOrder(order.getBusinessKey()).stream()
        .filter(e -> e.channel() == Channel.EMAIL && e.message().equals(message))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail " + message));
  }

  private ProcessInstance register(Map<String, Object> request) {
    return runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, request);
  }

  /**
   * A request for help with withdrawing housing-fund savings, which the table routes on its own.
   */
  private static Map<String, Object> request(String phone) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.CHANNEL, "PHONE");
    v.put(Vars.CALLER_NAME, "张三");
    v.put(Vars.PHONE, phone);
    v.put(Vars.ENTERPRISE, false);
    v.put(Vars.DISTRICT, "SAERTU");
    v.put(Vars.ADDRESS, "萨尔图区中七路 28 号");
    v.put(Vars.REQUEST_TYPE, "HELP");
    v.put(Vars.CATEGORY, "HOUSING_FUND_WITHDRAWAL");
    v.put(Vars.CONTENT, "市民来电反映的诉求内容");
    v.put(Vars.URGENT_MARKED, false);
    v.put(Vars.INTAKE_OUTCOME, "WORK_ORDER");
    return v;
  }

  private static Map<String, Object> probe(String number, boolean fail) {
    return Map.of(Vars.WORK_ORDER_NUMBER, number, Vars.PHONE, "13900139000", "fail", fail);
  }

  /**
   * A step that queues the registration SMS, followed in the same transaction by a step that fails
   * when asked to (it names a bean that does not exist).
   */
  private static final String PROBE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe"
          targetNamespace="http://hotline12345.org/test">
        <bpmn:process id="notificationRollbackProbe" isExecutable="true"
            camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Probe" />
          <bpmn:sequenceFlow id="Flow_ProbeToNotify" sourceRef="StartEvent_Probe"
              targetRef="Task_Notify" />
          <bpmn:serviceTask id="Task_Notify" camunda:expression="${true}">
            <bpmn:extensionElements>
              <camunda:executionListener delegateExpression="${notifyListener}" event="end">
                <camunda:field name="message"><camunda:string>orderRegistered</camunda:string></camunda:field>
              </camunda:executionListener>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_NotifyToFail" sourceRef="Task_Notify"
              targetRef="Task_MayFail" />
          <bpmn:serviceTask id="Task_MayFail" camunda:expression="${fail ? noSuchBean.run() : true}" />
          <bpmn:sequenceFlow id="Flow_MayFailToWait" sourceRef="Task_MayFail"
              targetRef="Task_Wait" />
          <bpmn:userTask id="Task_Wait" />
          <bpmn:sequenceFlow id="Flow_WaitToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Probe" />
          <bpmn:endEvent id="EndEvent_Probe" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
