package org.hotline12345.notification;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators read the outbox ({@code GET /api/admin/notifications?status=FAILED}) and send a
 * failed message again ({@code POST /api/admin/notifications/{id}/retry}). Phone numbers are
 * masked.
 */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationAdminController {

  private static final int MAX_LIMIT = 500;

  /** A message as administrators see it. */
  record NotificationView(
      String id,
      String message,
      Channel channel,
      String recipient,
      String subject,
      String body,
      String workOrderNumber,
      String elementId,
      OutboxEntry.Status status,
      int attempts,
      Date nextAttemptAt,
      String lastError,
      Date createdAt,
      Date sentAt) {

    static NotificationView of(OutboxEntry e) {
      return new NotificationView(
          e.id(),
          e.message(),
          e.channel(),
          NotificationDelivery.masked(e),
          e.subject(),
          e.body(),
          e.workOrderNumber(),
          e.elementId(),
          e.status(),
          e.attempts(),
          e.status() == OutboxEntry.Status.PENDING ? e.nextAttemptAt() : null,
          e.lastError(),
          e.createdAt(),
          e.sentAt());
    }
  }

  private final Outbox outbox;

  NotificationAdminController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping
  List<NotificationView> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit,
      @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit: 应在 1 到 " + MAX_LIMIT + " 之间");
    }
    return outbox.list(status(status), limit).stream().map(NotificationView::of).toList();
  }

  @PostMapping("/{id}/retry")
  NotificationView retry(
      @PathVariable String id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    OutboxEntry entry =
        outbox
            .find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条通知：" + id));
    if (!outbox.retry(id, ClockUtil.getCurrentTime())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "只有发送失败（FAILED）的通知可以重发，这条是 " + entry.status());
    }
    return NotificationView.of(outbox.find(id).orElseThrow());
  }

  private static OutboxEntry.Status status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OutboxEntry.Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "status: 应为 " + Arrays.toString(OutboxEntry.Status.values()) + " 之一");
    }
  }

  private static void requireAdministrator(ApiCaller caller) {
    if (!caller.isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有管理员可以查看和重发通知");
    }
  }
}
