package org.hotline12345.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline12345.calendar.EngineTimeZone;

/**
 * The benchmark's PostgreSQL (trust authentication, loopback): creates its databases and reads what
 * the server counted for each of them ({@code pg_stat_database}, {@code pg_stat_user_tables},
 * {@code pg_stat_statements} where the server loads it).
 */
final class Postgres {

  /** The zone the app and the bare engine write their timestamps in (both run in it). */
  static final ZoneId ZONE = ZoneId.of(EngineTimeZone.DEFAULT_ZONE);

  /**
   * PostgreSQL 15 backends send their counters to the shared statistics when a transaction ends at
   * least a second after the last time, and an idle one after 10 seconds: a reading taken this long
   * after the work stopped includes all of it.
   */
  static final Duration STATISTICS_SETTLE = Duration.ofSeconds(11);

  private final String hostAndPort;
  private final String user;

  Postgres(String hostAndPort, String user) {
    this.hostAndPort = hostAndPort;
    this.user = user;
  }

  String url(String database) {
    return "jdbc:postgresql://" + hostAndPort + "/" + database;
  }

  String user() {
    return user;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), user, "");
  }

  /** Drops the database (disconnecting whoever uses it) and creates it empty. */
  void recreate(String database) throws SQLException {
    try (Connection admin = connect("postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + database);
    }
  }

  String version() throws SQLException {
    try (Connection c = connect("postgres");
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Whether the server was started with {@code shared_preload_libraries = 'pg_stat_statements'}.
   */
  boolean statementStatisticsLoaded() throws SQLException {
    try (Connection c = connect("postgres");
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery("SHOW shared_preload_libraries")) {
      rs.next();
      return rs.getString(1).contains("pg_stat_statements");
    }
  }

  void createStatementStatistics(String database) throws SQLException {
    try (Connection c = connect(database);
        Statement sql = c.createStatement()) {
      sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  /** What the server counted for the database since it started. */
  Counters counters(String database) throws SQLException {
    try (Connection c = connect("postgres");
        PreparedStatement sql =
            c.prepareStatement(
                "SELECT xact_commit, tup_returned, tup_fetched, tup_inserted + tup_updated +"
                    + " tup_deleted, blks_read + blks_hit FROM pg_stat_database WHERE datname = ?")) {
      sql.setString(1, database);
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return new Counters(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  /**
   * Rows read per table since the server started: rows of sequential scans plus rows fetched
   * through indexes, and the number of sequential scans.
   */
  Map<String, TableReads> tableReads(String database) throws SQLException {
    Map<String, TableReads> reads = new LinkedHashMap<>();
    try (Connection c = connect(database);
        Statement sql = c.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT relname, coalesce(seq_tup_read, 0), coalesce(idx_tup_fetch, 0),"
                    + " coalesce(seq_scan, 0) FROM pg_stat_user_tables")) {
      while (rs.next()) {
        reads.put(rs.getString(1), new TableReads(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return reads;
  }

  /** Per statement: calls, rows, blocks touched and time, as pg_stat_statements counted them. */
  Map<String, StatementCost> statementCosts(String database) throws SQLException {
    Map<String, StatementCost> costs = new LinkedHashMap<>();
    try (Connection c = connect(database);
        Statement sql = c.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT s.queryid::text, s.calls, s.rows, s.shared_blks_hit + s.shared_blks_read,"
                    + " s.total_exec_time, s.query FROM pg_stat_statements s"
                    + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()")) {
      while (rs.next()) {
        costs.put(
            rs.getString(1),
            new StatementCost(
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getString(6)));
      }
    }
    return costs;
  }

  /**
   * Gathers the planner's statistics for every table: the server runs without autovacuum, so
   * without it the planner knows nothing of what was written.
   */
  void analyze(String database) throws SQLException {
    try (Connection c = connect(database);
        Statement sql = c.createStatement()) {
      sql.execute("ANALYZE");
    }
  }

  long size(String database) throws SQLException {
    try (Connection c = connect("postgres");
        PreparedStatement sql = c.prepareStatement("SELECT pg_database_size(?)")) {
      sql.setString(1, database);
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Jobs the job executor should run now (due, with retries left, not suspended). */
  long dueJobs(String database) throws SQLException {
    try (Connection c = connect(database);
        PreparedStatement sql =
            c.prepareStatement(
                "SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1"
                    + " AND (duedate_ IS NULL OR duedate_ <= ?)")) {
      sql.setObject(1, LocalDateTime.now(ZONE));
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Database-wide counters of pg_stat_database. */
  record Counters(
      long commits, long rowsReturned, long rowsFetched, long rowsWritten, long blocks) {
    Counters minus(Counters earlier) {
      return new Counters(
          commits - earlier.commits,
          rowsReturned - earlier.rowsReturned,
          rowsFetched - earlier.rowsFetched,
          rowsWritten - earlier.rowsWritten,
          blocks - earlier.blocks);
    }
  }

  /** One table's counters of pg_stat_user_tables. */
  record TableReads(long sequentialRows, long indexRows, long sequentialScans) {
    long rows() {
      return sequentialRows + indexRows;
    }
  }

  /** One statement's counters of pg_stat_statements. */
  record StatementCost(long calls, long rows, long blocks, double millis, String query) {}
}
