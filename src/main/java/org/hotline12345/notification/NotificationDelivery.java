package org.hotline12345.notification;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.privacy.PersonalData;
import org.hotline12345.security.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the due messages of the outbox, each in its own short transaction after the step that
 * wrote it has committed. A failed try is tried again after the next wait of the retry policy (by
 * default 1, 5, 30 minutes); after the last try the message is FAILED, for administrators to see
 * and retry. A failure never touches the work order. Time is the engine's clock, so tests move it
 * with ClockUtil.
 */
public class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  private final Outbox outbox;
  private final SmsSender sms;
  private final EmailSender email;
  private final StaffAddresses addresses;
  private final IdentityService identity;
  private final NotificationProperties.Retry retry;
  private final NotificationProperties.Poller poller;

  NotificationDelivery(
      Outbox outbox,
      SmsSender sms,
      EmailSender email,
      StaffAddresses addresses,
      IdentityService identity,
      NotificationProperties.Retry retry,
      NotificationProperties.Poller poller) {
    this.outbox = outbox;
    this.sms = sms;
    this.email = email;
    this.addresses = addresses;
    this.identity = identity;
    this.retry = retry;
    this.poller = poller;
  }

  /** Delivers what is due now; returns how many messages were delivered. */
  public int deliverDue() {
    // Recipients are looked up as the system, never as a user who happens to be on this thread.
    return AsSystem.call(identity, this::deliverDueAsSystem);
  }

  private int deliverDueAsSystem() {
    Date now = ClockUtil.getCurrentTime();
    int delivered = 0;
    Date leaseUntil = new Date(now.getTime() + poller.lease().toMillis());
    for (OutboxEntry entry : outbox.claimDue(now, leaseUntil, poller.batchSize())) {
      delivered += tryOnce(entry, now) ? 1 : 0;
    }
    return delivered;
  }

  private boolean tryOnce(OutboxEntry entry, Date now) {
    int attempt = entry.attempts() + 1;
    try {
      switch (entry.channel()) {
        case SMS -> sms.send(entry.id(), entry.recipient(), entry.body());
        case EMAIL -> {
          List<String> to = addresses.of(entry.recipient());
          if (to.isEmpty()) {
            throw new DeliveryException(
                "no member of group " + entry.recipient() + " has an e-mail address");
          }
          email.send(to, entry.subject(), entry.body());
        }
      }
      outbox.markSent(entry.id(), now);
      return true;
    } catch (RuntimeException e) {
      String error = "attempt " + attempt + ": " + e.getMessage();
      if (attempt >= retry.maxAttempts()) {
        outbox.markFailed(entry.id(), error);
        LOG.error(
            "Notification {} ({} to {}, work order {}) FAILED after {} attempts: {}",
            entry.id(),
            entry.message(),
            masked(entry),
            entry.workOrderNumber(),
            attempt,
            e.getMessage());
      } else {
        Date next = new Date(now.getTime() + retry.waitAfter(attempt).toMillis());
        outbox.markRetry(entry.id(), next, error);
        LOG.warn(
            "Notification {} ({} to {}) failed, next try at {}: {}",
            entry.id(),
            entry.message(),
            masked(entry),
            next,
            e.getMessage());
      }
      return false;
    }
  }

  static String masked(OutboxEntry entry) {
    return entry.channel() == Channel.SMS
        ? PersonalData.maskPhone(entry.recipient())
        : entry.recipient();
  }
}
