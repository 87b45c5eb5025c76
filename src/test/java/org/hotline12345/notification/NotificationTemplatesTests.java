package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hotline12345.ShanghaiTime;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.Test;

/**
 * The message templates in notifications/: each is valid, fills in the order number and deadlines
 * (in Shanghai time, though the tests' JVM runs in UTC), and a broken template or a model naming a
 * missing one fails the start.
 */
class NotificationTemplatesTests {

  private final NotificationTemplates templates =
      new NotificationTemplates(NotificationTemplates.load("classpath*:notifications/*.txt"));
  private final Placeholders placeholders = placeholders();

  @Test
  void theCitizensSmsOnRegistrationGivesTheOrderNumber() {
    MessageTemplate sms = templates.find("orderRegistered").orElseThrow();

    assertThat(sms.audience().channel()).isEqualTo(Channel.SMS);
    assertThat(sms.renderBody(placeholders.valuesFrom(order()::get)))
        .startsWith("【12345热线】您反映的诉求已受理，工单编号20261120-000042。")
        .doesNotContain("{", "张三", "13800138000");
  }

  @Test
  void theUnitsEmailNamesTheUnitAndTheSigningDeadlineInShanghaiTime() {
    MessageTemplate mail = templates.find("signingRequested").orElseThrow();
    var values = placeholders.valuesFrom(order()::get);

    assertThat(mail.audience().name()).isEqualTo("unit");
    assertThat(mail.renderSubject(values)).isEqualTo("【12345热线】新工单待签收：20261120-000042");
    assertThat(mail.renderBody(values))
        .startsWith("市供水公司：")
        .contains("工单20261120-000042（停水）已派至贵单位，请于2026年11月20日 17:30前在 Tasklist「待签收」中签收");
  }

  @Test
  void anExtensionSmsGivesTheNewHandlingDeadline() {
    assertThat(
            templates
                .find("extensionApproved")
                .orElseThrow()
                .renderBody(placeholders.valuesFrom(order()::get)))
        .contains("新的办理时限为2026年12月4日 17:30");
  }

  @Test
  void aPlaceholderWithoutAValueShowsADash() {
    Map<String, Object> noComment = order();
    assertThat(
            templates
                .find("replySentBack")
                .orElseThrow()
                .renderBody(placeholders.valuesFrom(noComment::get)))
        .contains("审核意见：—");
  }

  @Test
  void everyShippedTemplateHasAnAudienceAndUsesOnlyKnownPlaceholders() {
    assertThat(templates.all())
        .containsKeys(
            "orderRegistered",
            "extensionApproved",
            "orderClosed",
            "signingRequested",
            "signingOverdue",
            "orderReturned",
            "replySentBack",
            "instructionRequested",
            "handlingDeadlineNear",
            "handlingOverdue",
            "overdueOrderEscalated",
            "officeSupervisionRequested",
            "coHandlingRequested",
            "escalatedToLeaders",
            "officeSupervisionToLeaders");
    templates
        .all()
        .values()
        .forEach(
            t ->
                assertThat(Placeholders.VARIABLES.keySet())
                    .as(t.name())
                    .containsAll(t.placeholders()));
  }

  @Test
  void anUnknownPlaceholderFailsWhenTheTemplateIsRead() {
    assertThatThrownBy(() -> parse("to: citizen\n---\n您的工单{orderNo}已受理"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("unknown placeholder {orderNo}");
  }

  @Test
  void aBraceThatIsNotAPlaceholderFailsToo() {
    assertThatThrownBy(() -> parse("to: citizen\n---\n您的工单{workOrderNumber已受理"))
        .hasMessageContaining("a brace that is not a placeholder");
  }

  @Test
  void aTemplateMustSayWhoReceivesItAndAnEmailNeedsASubject() {
    assertThatThrownBy(() -> parse("---\n文字")).hasMessageContaining("no \"to:\" line");
    assertThatThrownBy(() -> parse("to: everybody\n---\n文字"))
        .hasMessageContaining("\"to: everybody\" names no audience");
    assertThatThrownBy(() -> parse("to: unit\n---\n文字"))
        .hasMessageContaining("an e-mail needs a \"subject:\" line");
    assertThatThrownBy(() -> parse("to: citizen\nsubject: 主题\n---\n文字"))
        .hasMessageContaining("an SMS has no subject");
    assertThatThrownBy(() -> parse("to: citizen\n文字")).hasMessageContaining("no line \"---\"");
  }

  @Test
  void noTemplatesAtTheConfiguredPlaceFailsTheStart() {
    assertThatThrownBy(() -> NotificationTemplates.load("classpath*:nowhere/*.txt"))
        .hasMessageContaining("No notification templates found");
  }

  @Test
  void everyNotifyListenerInTheProcessesNamesAnExistingTemplate() {
    List<NotificationHooks.Hook> hooks =
        NotificationHooks.check(NotificationHooks.read(NotificationHooks.PROCESSES), templates);

    assertThat(hooks)
        .extracting(NotificationHooks.Hook::elementId, NotificationHooks.Hook::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Flow_IntakeOutcomeWorkOrder", "orderRegistered"),
            org.assertj.core.groups.Tuple.tuple("Task_SignWorkOrder", "signingRequested"),
            org.assertj.core.groups.Tuple.tuple("Task_CloseWorkOrder", "orderClosed"),
            org.assertj.core.groups.Tuple.tuple(
                "Task_OfficeSupervision", "officeSupervisionRequested"));
  }

  @Test
  void aModelNamingATemplateThatDoesNotExistFailsTheStart() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .startEvent()
            .userTask("Task_Probe")
            .camundaTaskListenerDelegateExpression("create", NotificationHooks.LISTENER)
            .endEvent()
            .done();
    var listener =
        model
            .getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
            .iterator()
            .next();
    var field = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaField.class);
    field.setCamundaName(NotifyListener.MESSAGE_FIELD);
    field.setCamundaStringValue("orderRegisterd");
    listener.getCamundaFields().add(field);

    assertThatThrownBy(
            () ->
                NotificationHooks.check(NotificationHooks.hooksOf("probe.bpmn", model), templates))
        .hasMessageContaining("probe.bpmn Task_Probe (task create): orderRegisterd");
  }

  private static MessageTemplate parse(String text) {
    return MessageTemplate.parse("broken", text, Placeholders.VARIABLES.keySet());
  }

  private static Placeholders placeholders() {
    Units units = mock(Units.class);
    when(units.nameOf(Units.WATER)).thenReturn(Optional.of("市供水公司"));
    return new Placeholders(units, ZoneId.of("Asia/Shanghai"));
  }

  private static Map<String, Object> order() {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.WORK_ORDER_NUMBER, "20261120-000042");
    v.put(Vars.CALLER_NAME, "张三");
    v.put(Vars.PHONE, "13800138000");
    v.put(Vars.UNIT, Units.WATER);
    v.put(Vars.CATEGORY_NAME, "停水");
    v.put(Vars.SIGN_DEADLINE, ShanghaiTime.at("2026-11-20T17:30"));
    Date handle = ShanghaiTime.at("2026-12-04T17:30");
    v.put(Vars.HANDLE_DEADLINE, handle);
    return v;
  }
}
