package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.ShanghaiTime.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.TestPhones;
import org.hotline12345.organisation.Units;
import org.hotline12345.privacy.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Delivery from the outbox with retries, against real peers (an HTTP server as the SMS gateway,
 * GreenMail as the SMTP server), and the administrators' view of failed messages. Time is the
 * engine's clock, moved with ClockUtil: a retry is due after 1, then 5 minutes.
 */
@HotlineSpringTest
class NotificationDeliveryTests {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired Outbox outbox;
  @Autowired NotificationDelivery delivery;
  @Autowired StaffAddresses addresses;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  private HttpSmsGatewayTests.FakeGateway gateway;

  @BeforeEach
  void emptyOutboxAndAGateway() throws IOException {
    drain(delivery, outbox);
    ClockUtil.setCurrentTime(at("2026-11-20T10:00"));
    gateway = HttpSmsGatewayTests.FakeGateway.start();
  }

  @AfterEach
  void stopGatewayAndResetClock() {
    gateway.stop();
    ClockUtil.reset();
  }

  @Test
  void aFailedSmsIsTriedAgainAfterOneThenFiveMinutesUntilTheGatewayAcceptsIt() {
    NotificationDelivery viaGateway =
        delivery(HttpSmsGatewayTests.sender(gateway.url(), seconds(5)));
    String phone = TestPhones.unique();
    String id = sms(phone);
    gateway.answer(503);

    viaGateway.deliverDue();
    assertThat(outbox.find(id).orElseThrow())
        .returns(OutboxEntry.Status.PENDING, OutboxEntry::status)
        .returns(1, OutboxEntry::attempts)
        .returns(at("2026-11-20T10:01"), OutboxEntry::nextAttemptAt);
    assertThat(outbox.find(id).orElseThrow().lastError()).contains("attempt 1", "503");

    ClockUtil.setCurrentTime(at("2026-11-20T10:00:59"));
    viaGateway.deliverDue();
    assertThat(gateway.received).as("not tried again before the minute is up").hasSize(1);

    ClockUtil.setCurrentTime(at("2026-11-20T10:01"));
    viaGateway.deliverDue();
    assertThat(gateway.received).hasSize(2);
    assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(at("2026-11-20T10:06"));

    gateway.answer(200);
    ClockUtil.setCurrentTime(at("2026-11-20T10:06"));
    assertThat(viaGateway.deliverDue()).isEqualTo(1);

    assertThat(outbox.find(id).orElseThrow())
        .returns(OutboxEntry.Status.SENT, OutboxEntry::status)
        .returns(3, OutboxEntry::attempts)
        .returns(at("2026-11-20T10:06"), OutboxEntry::sentAt);
    assertThat(gateway.received).hasSize(3);
    assertThat(gateway.received.get(2).body()).contains("\"phone\":\"" + phone + "\"");
  }

  @Test
  void anSmsTheGatewayNeverTakesFailsAfterThreeTriesAndAnAdministratorSeesAndRetriesIt()
      throws IOException {
    NotificationDelivery viaGateway =
        delivery(HttpSmsGatewayTests.sender(HttpSmsGatewayTests.refusingUrl(), seconds(5)));
    String phone = TestPhones.unique();
    String id = sms(phone);

    for (String time : List.of("10:00", "10:01", "10:06", "10:36", "11:06")) {
      ClockUtil.setCurrentTime(at("2026-11-20T" + time));
      viaGateway.deliverDue();
    }

    OutboxEntry failed = outbox.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(failed.attempts()).as("no fourth try").isEqualTo(3);
    assertThat(failed.lastError()).contains("attempt 3", "unreachable");

    ApiClient admin = ApiClient.as(port, "demo");
    ApiClient.Answer listed = admin.get("/api/admin/notifications?status=FAILED");
    assertThat(listed.status()).isEqualTo(200);
    JsonNode entry = find(listed.json(), id);
    assertThat(entry.path("status").asText()).isEqualTo("FAILED");
    assertThat(entry.path("recipient").asText())
        .isEqualTo(PersonalData.maskPhone(phone))
        .doesNotContain(phone);
    assertThat(listed.json().toString()).doesNotContain(phone);
    assertThat(entry.path("attempts").asInt()).isEqualTo(3);

    assertThat(ApiClient.as(port, "dispatcher1").get("/api/admin/notifications").status())
        .isEqualTo(403);
    assertThat(
            ApiClient.as(port, "dispatcher1")
                .post("/api/admin/notifications/" + id + "/retry", "")
                .status())
        .isEqualTo(403);
    assertThat(admin.get("/api/admin/notifications?status=LOST").status()).isEqualTo(400);
    assertThat(admin.post("/api/admin/notifications/no-such-id/retry", "").status()).isEqualTo(404);

    ClockUtil.setCurrentTime(at("2026-11-20T12:00"));
    ApiClient.Answer retried = admin.post("/api/admin/notifications/" + id + "/retry", "");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(admin.post("/api/admin/notifications/" + id + "/retry", "").status())
        .as("only a FAILED message can be retried")
        .isEqualTo(409);

    delivery.deliverDue(); // the embedded default: the log adapter
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
  }

  @Test
  void aUnitsEmailGoesToTheAddressesOfItsMembersInCamunda() throws Exception {
    NotificationDelivery viaSmtp =
        delivery(
            new SmtpEmailSender(
                SmtpEmailSenderTests.mailSender(smtp.getSmtp().getPort()),
                "12345-hotline@hotline.example"));
    String id =
        outbox.add(
            "signingRequested",
            Channel.EMAIL,
            Units.WATER,
            "【12345热线】新工单待签收：20261120-000001",
            "市供水公司：\n\n工单20261120-000001（停水）已派至贵单位。",
            "20261120-000001",
            null,
            "Task_SignWorkOrder",
            ClockUtil.getCurrentTime());

    viaSmtp.deliverDue();

    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("water1@hotline.example");
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("【12345热线】新工单待签收：20261120-000001");
  }

  @Test
  void anEmailToAGroupWithoutAddressesIsAFailedTry() {
    String id =
        outbox.add(
            "signingRequested",
            Channel.EMAIL,
            "unitWithoutMembers",
            "主题",
            "正文",
            "20261120-000002",
            null,
            "Task_SignWorkOrder",
            ClockUtil.getCurrentTime());

    delivery.deliverDue();

    assertThat(outbox.find(id).orElseThrow().lastError())
        .contains("no member of group unitWithoutMembers has an e-mail address");
  }

  private String sms(String phone) {
    return outbox.add(
        "orderRegistered",
        Channel.SMS,
        phone,
        null,
        "【12345热线】您反映的诉求已受理，工单编号20261120-000003。",
        "20261120-000003",
        null,
        "Flow_IntakeOutcomeWorkOrder",
        ClockUtil.getCurrentTime());
  }

  private NotificationDelivery delivery(SmsSender sms) {
    return delivery(sms, new LogEmailSender());
  }

  private NotificationDelivery delivery(EmailSender email) {
    return delivery(new LogSmsSender(), email);
  }

  private NotificationDelivery delivery(SmsSender sms, EmailSender email) {
    return new NotificationDelivery(
        outbox,
        sms,
        email,
        addresses,
        identity,
        new NotificationProperties.Retry(
            3, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))),
        new NotificationProperties.Poller(false, seconds(30), 50, Duration.ofMinutes(10)));
  }

  /**
   * Delivers (to the log) whatever other tests left pending, so each test sees only its own
   * messages; messages that fail stay out of the way far in the future.
   */
  static void drain(NotificationDelivery delivery, Outbox outbox) {
    Date farFuture = at("2100-01-01T00:00");
    ClockUtil.setCurrentTime(farFuture);
    while (!outbox.due(farFuture, 1).isEmpty()) {
      delivery.deliverDue();
    }
    ClockUtil.reset();
  }

  private static JsonNode find(JsonNode list, String id) {
    return StreamSupport.stream(list.spliterator(), false)
        .filter(n -> n.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not listed: " + id + " in " + list));
  }

  private static Duration seconds(int s) {
    return Duration.ofSeconds(s);
  }
}
