package org.hotline12345.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail through SMTP, as configured under {@code spring.mail.*}. */
class SmtpEmailSender implements EmailSender {

  private final JavaMailSender mail;
  private final String from;

  SmtpEmailSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void send(List<String> to, String subject, String body) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body);
      mail.send(message);
    } catch (MessagingException | MailException e) {
      throw new DeliveryException("SMTP: " + e.getMessage(), e);
    }
  }
}
