package org.hotline12345.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Timers that become due at the same instant, as when many orders' signing deadlines pass together:
 * the due date of {@code count} waiting timer jobs of one boundary event is moved to a few seconds
 * ahead, and the engine's own job executor fires them. Each timer's lateness is read from the job
 * log the engine writes when the job succeeds.
 */
final class TimerDrain {

  private final Postgres postgres;
  private final String database;

  TimerDrain(Postgres postgres, String database) {
    this.postgres = postgres;
    this.database = database;
  }

  /**
   * How the timers were fired: how many, how fast once the executor had started on them (from the
   * first to the last), and how late each was.
   */
  record Drained(int timers, int fired, int failed, double perSecond, Latencies latenessMillis) {}

  /** The ids of up to {@code count} timer jobs of the boundary event that wait to fire. */
  List<String> waitingTimers(String timerActivityId, int count) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = postgres.connect(database);
        PreparedStatement sql =
            c.prepareStatement(
                "SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_"
                    + " WHERE d.act_id_ = ? AND j.retries_ > 0 AND j.lock_owner_ IS NULL"
                    + " AND j.duedate_ > ? ORDER BY j.id_ LIMIT ?")) {
      sql.setString(1, timerActivityId);
      sql.setObject(2, LocalDateTime.now(Postgres.ZONE).plusMinutes(5));
      sql.setInt(3, count);
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /**
   * Makes the timers due {@code lead} from now, waits for them to fire and reads their lateness.
   */
  Drained fire(List<String> timers, Duration lead, Duration limit)
      throws SQLException, InterruptedException {
    LocalDateTime due = LocalDateTime.now(Postgres.ZONE).plus(lead).truncatedTo(ChronoUnit.MILLIS);
    try (Connection c = postgres.connect(database);
        PreparedStatement sql =
            c.prepareStatement("UPDATE act_ru_job SET duedate_ = ? WHERE id_ = ANY(?)")) {
      sql.setObject(1, due);
      sql.setArray(2, ids(c, timers));
      sql.executeUpdate();
    }
    long deadline = System.nanoTime() + lead.plus(limit).toNanos();
    while (waiting(timers) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    List<Double> lateness = new ArrayList<>();
    int failed = 0;
    LocalDateTime first = null;
    LocalDateTime last = null;
    try (Connection c = postgres.connect(database);
        PreparedStatement sql =
            c.prepareStatement(
                "SELECT job_state_, timestamp_ FROM act_hi_job_log WHERE job_id_ = ANY(?)"
                    + " AND job_state_ IN (1, 2) AND timestamp_ >= ?")) {
      sql.setArray(1, ids(c, timers));
      sql.setObject(2, due.minusSeconds(1));
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(1) == 1) {
            failed++;
            continue;
          }
          LocalDateTime fired = rs.getObject(2, LocalDateTime.class);
          lateness.add(ChronoUnit.MICROS.between(due, fired) / 1000.0);
          first = first == null || fired.isBefore(first) ? fired : first;
          last = last == null || fired.isAfter(last) ? fired : last;
        }
      }
    }
    double perSecond =
        lateness.size() < 2
            ? Double.NaN
            : (lateness.size() - 1)
                / (Math.max(1, ChronoUnit.MILLIS.between(first, last)) / 1000.0);
    return new Drained(timers.size(), lateness.size(), failed, perSecond, Latencies.of(lateness));
  }

  private int waiting(List<String> timers) throws SQLException {
    try (Connection c = postgres.connect(database);
        PreparedStatement sql =
            c.prepareStatement(
                "SELECT count(*) FROM act_ru_job WHERE id_ = ANY(?) AND retries_ > 0")) {
      sql.setArray(1, ids(c, timers));
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static Array ids(Connection c, List<String> ids) throws SQLException {
    return c.createArrayOf("varchar", ids.toArray());
  }
}
