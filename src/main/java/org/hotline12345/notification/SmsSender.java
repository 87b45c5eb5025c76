package org.hotline12345.notification;

/** Sends a text message to a citizen's phone ({@code hotline.notification.sms.adapter}). */
interface SmsSender {

  /**
   * Sends {@code text} to {@code phone}; {@code id} is the outbox entry's id, the same on every
   * retry, so a gateway can drop duplicates.
   *
   * @throws DeliveryException if the message was not accepted
   */
  void send(String id, String phone, String text);
}
