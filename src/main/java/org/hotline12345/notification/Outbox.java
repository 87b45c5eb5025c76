package org.hotline12345.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table (notification_outbox). {@link #add} runs on the caller's connection: called from
 * a process step, it joins the engine's transaction (the engine and this JdbcTemplate share the
 * DataSource and Spring's transaction manager), so the message exists exactly when the step
 * commits. Everything else runs in its own short transactions for the poller and administrators.
 */
@Repository
class Outbox {

  private static final int MAX_ERROR = 1000;
  private static final String COLUMNS =
      "id, message, channel, recipient, subject, body, work_order_number, process_instance_id,"
          + " element_id, status, attempts, next_attempt_at, last_error, created_at, sent_at";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A new message to be delivered from {@code now}; returns its id. */
  String add(
      String message,
      Channel channel,
      String recipient,
      String subject,
      String body,
      String workOrderNumber,
      String processInstanceId,
      String elementId,
      Date now) {
    return insert(
        message,
        channel,
        recipient,
        subject,
        body,
        workOrderNumber,
        processInstanceId,
        elementId,
        OutboxEntry.Status.PENDING,
        null,
        now);
  }

  /** A message that could not even be written (e.g. its template is gone), failed at once. */
  String addFailed(
      String message,
      Channel channel,
      String recipient,
      String workOrderNumber,
      String processInstanceId,
      String elementId,
      String error,
      Date now) {
    return insert(
        message,
        channel,
        recipient,
        null,
        "",
        workOrderNumber,
        processInstanceId,
        elementId,
        OutboxEntry.Status.FAILED,
        error,
        now);
  }

  private String insert(
      String message,
      Channel channel,
      String recipient,
      String subject,
      String body,
      String workOrderNumber,
      String processInstanceId,
      String elementId,
      OutboxEntry.Status status,
      String error,
      Date now) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO notification_outbox ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL)",
        id,
        message,
        channel.name(),
        recipient,
        subject,
        body,
        workOrderNumber,
        processInstanceId,
        elementId,
        status.name(),
        ts(now),
        truncate(error),
        ts(now));
    return id;
  }

  /** Pending messages due at {@code now}, oldest first. */
  List<OutboxEntry> due(Date now, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, created_at FETCH FIRST "
            + limit
            + " ROWS ONLY",
        ROW,
        ts(now));
  }

  /**
   * Takes up to {@code limit} due messages for one try each, citizens' SMS before staff e-mail:
   * counts the attempt and moves the next attempt to {@code leaseUntil}, so a crashed try is taken
   * again later. The rows are claimed with {@code FOR UPDATE SKIP LOCKED} in one short transaction:
   * pollers on several nodes each take different messages at the same time instead of waiting for
   * one another or all reaching for the same ones; returns them as they were before the claim.
   */
  List<OutboxEntry> claimDue(Date now, Date leaseUntil, int limit) {
    return ownTransaction.execute(
        status -> {
          List<OutboxEntry> due =
              jdbc.query(
                  "SELECT "
                      + COLUMNS
                      + " FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
                      + " ORDER BY CASE channel WHEN 'SMS' THEN 0 ELSE 1 END, next_attempt_at,"
                      + " created_at FETCH FIRST "
                      + limit
                      + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                  ROW,
                  ts(now));
          for (OutboxEntry entry : due) {
            jdbc.update(
                "UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?"
                    + " WHERE id = ?",
                ts(leaseUntil),
                entry.id());
          }
          return due;
        });
  }

  void markSent(String id, Date now) {
    jdbc.update(
        "UPDATE notification_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?",
        ts(now),
        id);
  }

  void markRetry(String id, Date nextAttemptAt, String error) {
    jdbc.update(
        "UPDATE notification_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?",
        ts(nextAttemptAt),
        truncate(error),
        id);
  }

  void markFailed(String id, String error) {
    jdbc.update(
        "UPDATE notification_outbox SET status = 'FAILED', last_error = ? WHERE id = ?",
        truncate(error),
        id);
  }

  /** A failed message is tried again from {@code now}, with a fresh count of attempts. */
  boolean retry(String id, Date now) {
    return jdbc.update(
            "UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
                + " WHERE id = ? AND status = 'FAILED'",
            ts(now),
            id)
        == 1;
  }

  Optional<OutboxEntry> find(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = ?", ROW, id)
        .stream()
        .findFirst();
  }

  /** The newest messages, all or of one status. */
  List<OutboxEntry> list(OutboxEntry.Status status, int limit) {
    String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM notification_outbox"
            + where
            + " ORDER BY created_at DESC, id FETCH FIRST "
            + limit
            + " ROWS ONLY",
        ROW);
  }

  /** Every message of one work order, oldest first. */
  List<OutboxEntry> ofWorkOrder(String workOrderNumber) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM notification_outbox WHERE work_order_number = ? ORDER BY created_at, id",
        ROW,
        workOrderNumber);
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }

  private static final RowMapper<OutboxEntry> ROW = Outbox::map;

  private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(
        rs.getString("id"),
        rs.getString("message"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("work_order_number"),
        rs.getString("process_instance_id"),
        rs.getString("element_id"),
        OutboxEntry.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        date(rs.getTimestamp("next_attempt_at")),
        rs.getString("last_error"),
        date(rs.getTimestamp("created_at")),
        date(rs.getTimestamp("sent_at")));
  }

  private static Date date(Timestamp ts) {
    return ts == null ? null : new Date(ts.getTime());
  }
}
