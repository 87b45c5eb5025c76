package org.hotline12345.notification;

import java.util.Date;

/** One message in the outbox, as the poller and the administrators' listing read it. */
record OutboxEntry(
    String id,
    String message,
    Channel channel,
    String recipient,
    String subject,
    String body,
    String workOrderNumber,
    String processInstanceId,
    String elementId,
    Status status,
    int attempts,
    Date nextAttemptAt,
    String lastError,
    Date createdAt,
    Date sentAt) {

  /** PENDING until delivered (SENT) or given up after the last try (FAILED). */
  enum Status {
    PENDING,
    SENT,
    FAILED
  }
}
