package org.hotline12345.notification;

import java.util.List;

/** Sends an e-mail to staff ({@code hotline.notification.email.adapter}). */
interface EmailSender {

  /**
   * Sends one e-mail to all of {@code to}.
   *
   * @throws DeliveryException if the message was not accepted
   */
  void send(List<String> to, String subject, String body);
}
