package org.hotline12345.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import org.hotline12345.benchmark.OrderTemplate.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records which rows real orders leave: each order is taken through its steps by real calls while
 * nothing else runs, and every row that appeared in any table meanwhile (once no job is due) is
 * that order's. The rows are read at the end, when the work left for later (such as sending
 * messages) is done too. Tables that count for the whole engine rather than for an order are left
 * out.
 */
final class TemplateRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateRecorder.class);

  /**
   * Rows of these tables are the engine's or the application's, not an order's: properties and
   * schema log, the metrics the engine writes every 15 minutes, the day's number counter (the
   * seeder reserves numbers there itself), the migrations.
   */
  static final Set<String> NOT_AN_ORDERS =
      Set.of(
          "act_ge_property",
          "act_ge_schema_log",
          "act_ru_meter_log",
          "work_order_number_counter",
          "flyway_schema_history");

  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);

  /** Whether the work a step left for later is done. */
  interface Settled {
    boolean now() throws SQLException;
  }

  /** The values an order was registered with that its copies replace (null where none). */
  record Tokens(String number, String phone) {}

  private record Recording(
      String name, Progress progress, Tokens tokens, Map<String, Set<String>> keys) {}

  private final Postgres postgres;
  private final String database;
  private final Schema schema;
  private final Settled laterWorkDone;
  private final List<Recording> recordings = new ArrayList<>();
  private Map<String, Set<String>> known;

  /**
   * @param laterWorkDone whether work beyond the engine's jobs that the orders left is done (waited
   *     for once, before the rows are read)
   */
  TemplateRecorder(Postgres postgres, String database, Settled laterWorkDone)
      throws SQLException, InterruptedException {
    this.postgres = postgres;
    this.database = database;
    this.laterWorkDone = laterWorkDone;
    try (Connection c = postgres.connect(database)) {
      this.schema = Schema.read(c);
    }
    await(this::noJobDue);
    this.known = keys();
  }

  Schema schema() {
    return schema;
  }

  /** Runs {@code order} (which takes one order to {@code progress}) and records its rows. */
  void record(String name, Progress progress, Supplier<Tokens> order)
      throws SQLException, InterruptedException {
    Tokens tokens = order.get();
    await(this::noJobDue);
    Map<String, Set<String>> now = keys();
    Map<String, Set<String>> added = new LinkedHashMap<>();
    now.forEach(
        (table, keys) -> {
          Set<String> fresh = new HashSet<>(keys);
          fresh.removeAll(known.getOrDefault(table, Set.of()));
          if (!fresh.isEmpty() && !NOT_AN_ORDERS.contains(table)) {
            added.put(table, fresh);
          }
        });
    recordings.add(new Recording(name, progress, tokens, added));
    known = now;
  }

  /**
   * The recorded orders as templates, their rows read as they are now that everything settled
   * (messages sent, asynchronous steps done).
   */
  List<OrderTemplate> templates() throws SQLException, InterruptedException {
    await(this::noJobDue);
    await(laterWorkDone);
    Map<String, Set<String>> orderKeys = new HashMap<>();
    for (Recording recording : recordings) {
      recording
          .keys()
          .forEach((t, k) -> orderKeys.computeIfAbsent(t, x -> new HashSet<>()).addAll(k));
    }
    Map<String, Map<String, Object[]>> orderRows = new HashMap<>();
    Map<String, List<String>> columns = new HashMap<>();
    Set<String> sharedIds = new HashSet<>();
    try (Connection c = postgres.connect(database);
        Statement sql = c.createStatement()) {
      for (String table : schema.parentsFirst()) {
        try (ResultSet rs =
            sql.executeQuery(
                "SELECT "
                    + schema.keyExpression(table)
                    + " AS row_key, t.* FROM "
                    + table
                    + " t")) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> names = new ArrayList<>();
          for (int i = 2; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnName(i));
          }
          columns.put(table, names);
          Set<String> ofOrders = orderKeys.getOrDefault(table, Set.of());
          while (rs.next()) {
            Object[] row = new Object[names.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = value(rs, meta, i + 2);
            }
            if (ofOrders.contains(rs.getString(1))) {
              orderRows.computeIfAbsent(table, t -> new HashMap<>()).put(rs.getString(1), row);
            } else {
              collectIds(row, sharedIds);
            }
          }
        }
      }
    }
    List<OrderTemplate> templates = new ArrayList<>();
    Map<String, String> idOwner = new HashMap<>();
    for (Recording recording : recordings) {
      Map<String, Rows> rows = new LinkedHashMap<>();
      for (String table : schema.parentsFirst()) {
        Set<String> keys = recording.keys().get(table);
        if (keys == null) {
          continue;
        }
        List<Object[]> values = new ArrayList<>();
        for (String key : keys) {
          Object[] row = orderRows.getOrDefault(table, Map.of()).get(key);
          if (row != null) {
            values.add(row);
          }
        }
        if (!values.isEmpty()) {
          rows.put(table, new Rows(columns.get(table), values));
        }
      }
      OrderTemplate template =
          new OrderTemplate(
              recording.name(),
              recording.progress(),
              rows,
              sharedIds,
              recording.tokens().number(),
              recording.tokens().phone());
      for (String id : template.ids()) {
        String other = idOwner.putIfAbsent(id, recording.name());
        if (other != null) {
          throw new IllegalStateException(
              "id "
                  + id
                  + " belongs to both "
                  + other
                  + " and "
                  + recording.name()
                  + ": the orders were not recorded apart");
        }
      }
      LOG.info(
          "{} left {} rows with {} ids of its own: {}",
          recording.name(),
          template.rowCount(),
          template.ids().size(),
          rowsPerTable(template));
      templates.add(template);
    }
    return templates;
  }

  private static Map<String, Integer> rowsPerTable(OrderTemplate template) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    template.tables().forEach((t, rows) -> counts.put(t, rows.rows().size()));
    return counts;
  }

  private Map<String, Set<String>> keys() throws SQLException {
    Map<String, Set<String>> keys = new HashMap<>();
    try (Connection c = postgres.connect(database);
        Statement sql = c.createStatement()) {
      for (String table : schema.parentsFirst()) {
        Set<String> tableKeys = new HashSet<>();
        try (ResultSet rs =
            sql.executeQuery("SELECT " + schema.keyExpression(table) + " FROM " + table)) {
          while (rs.next()) {
            tableKeys.add(rs.getString(1));
          }
        }
        keys.put(table, tableKeys);
      }
    }
    return keys;
  }

  private boolean noJobDue() throws SQLException {
    return postgres.dueJobs(database) == 0;
  }

  private void await(Settled settled) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (!settled.now()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            database + " did not settle within " + SETTLE_LIMIT + " (jobs or messages pending)");
      }
      Thread.sleep(200);
    }
  }

  private static Object value(ResultSet rs, ResultSetMetaData meta, int column)
      throws SQLException {
    return switch (meta.getColumnType(column)) {
      case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
      case Types.DATE -> rs.getObject(column, LocalDate.class);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(column);
      default -> rs.getObject(column);
    };
  }

  private static void collectIds(Object[] row, Set<String> ids) {
    for (Object value : row) {
      String text =
          value instanceof String s
              ? s
              : value instanceof byte[] b
                  ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                  : null;
      if (text != null) {
        Matcher matcher = OrderTemplate.UUID.matcher(text);
        while (matcher.find()) {
          ids.add(matcher.group());
        }
      }
    }
  }
}
