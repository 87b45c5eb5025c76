package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail adapter against a real SMTP server (GreenMail). */
class SmtpEmailSenderTests {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Test
  void sendsOneChineseEmailToEveryAddress() throws Exception {
    new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()), "12345-hotline@hotline.example")
        .send(
            List.of("water1@hotline.example", "water2@hotline.example"),
            "【12345热线】新工单待签收：20261120-000042",
            "市供水公司：\n\n工单20261120-000042（停水）已派至贵单位，请于2026年11月20日 17:30前签收。");

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per mailbox
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("【12345热线】新工单待签收：20261120-000042");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("12345-hotline@hotline.example");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("water1@hotline.example", "water2@hotline.example");
    assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
    assertThat(mail.getContent().toString()).contains("请于2026年11月20日 17:30前签收");
  }

  @Test
  void anSmtpServerThatCannotBeReachedIsAFailedTry() throws IOException {
    int nothingListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nothingListens = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                new SmtpEmailSender(mailSender(nothingListens), "12345-hotline@hotline.example")
                    .send(List.of("water1@hotline.example"), "主题", "正文"))
        .isInstanceOf(DeliveryException.class)
        .hasMessageStartingWith("SMTP:");
  }

  static JavaMailSenderImpl mailSender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return sender;
  }
}
