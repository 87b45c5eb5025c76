package org.hotline12345.benchmark;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hotline12345.TestPhones;
import org.hotline12345.benchmark.OrderTemplate.Copy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a database with a realistic volume of orders in minutes rather than months: copies of the
 * rows real orders left ({@link TemplateRecorder}), written with PostgreSQL's COPY through pgjdbc's
 * {@link CopyManager}. Closed orders are spread over the past year, oldest first; open ones were
 * registered in the last half hour, so their timers lie ahead. Every copy has fresh ids throughout
 * and, in the app's database, its own work-order number (reserved in the day's counter, so the app
 * numbers on after them) and phone. Then it checks that the copies hold together.
 *
 * <p>As a tool on its own (the benchmark uses it too), against a running app with the demo
 * organisation and its database:
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hotline12345.benchmark.OrderSeeder \
 *     -Dexec.args="--app-port=8080 --database=hotline --closed=1000000 --open=100000"
 * </pre>
 */
final class OrderSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(OrderSeeder.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final long DAY_MILLIS = 86_400_000L;
  private static final int COPIES_PER_TRANSACTION = 200;

  private final Postgres postgres;
  private final String database;
  private final Schema schema;
  private final boolean numbered;
  private final SplittableRandom random = new SplittableRandom(12345);
  private long nextIdPrefix;

  /** What was written, and how fast. */
  record Written(long orders, long rows, Duration took) {
    double ordersPerSecond() {
      return orders / seconds();
    }

    double rowsPerSecond() {
      return rows / seconds();
    }

    private double seconds() {
      return Math.max(1, took.toMillis()) / 1000.0;
    }
  }

  /**
   * @param numbered whether orders carry the app's work-order numbers (false for the bare engine)
   */
  OrderSeeder(Postgres postgres, String database, Schema schema, boolean numbered) {
    this.postgres = postgres;
    this.database = database;
    this.schema = schema;
    this.numbered = numbered;
    this.nextIdPrefix = random.nextLong(1L << 40) << 8;
  }

  /**
   * Writes {@code count} copies of the closed templates, in turn, registered 1 to 365 days ago.
   *
   * @return the first copy of each template, to look at
   */
  Written writeClosed(
      List<OrderTemplate> templates, int count, Map<OrderTemplate, Copy> firstCopies)
      throws SQLException {
    long[] shifts = new long[count];
    for (int i = 0; i < count; i++) {
      shifts[i] =
          -(1 + random.nextInt(365)) * DAY_MILLIS
              + random.nextLong(-DAY_MILLIS / 4, DAY_MILLIS / 4);
    }
    // Oldest first: the time indexes then grow at their end, as they do in a year of real work.
    Arrays.sort(shifts);
    Map<LocalDate, Long> numbers = new HashMap<>();
    if (numbered) {
      Map<LocalDate, Integer> perDay = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        perDay.merge(registration(templates.get(i % templates.size()), shifts[i]), 1, Integer::sum);
      }
      numbers = reserveNumbers(perDay);
    }
    Map<LocalDate, Long> next = numbers;
    return write(
        templates,
        count,
        firstCopies,
        i -> shifts[i],
        (template, shift) -> {
          LocalDate day = registration(template, shift);
          return next.merge(day, 1L, Long::sum) - 1;
        });
  }

  /**
   * Writes {@code count} copies of the open templates, in turn, registered in the last half hour
   * (today), their deadlines and timers ahead.
   */
  Written writeOpen(List<OrderTemplate> templates, int count, Map<OrderTemplate, Copy> firstCopies)
      throws SQLException {
    LocalDate today = LocalDate.now(Postgres.ZONE);
    long[] nextNumber = {numbered ? reserveNumbers(Map.of(today, count)).get(today) : 0};
    LocalDateTime startOfDay = today.atStartOfDay().plusSeconds(1);
    return write(
        templates,
        count,
        firstCopies,
        i -> {
          LocalDateTime registered =
              LocalDateTime.now(Postgres.ZONE).minusSeconds(60 + random.nextInt(29 * 60));
          if (registered.isBefore(startOfDay)) {
            registered = startOfDay;
          }
          return ChronoUnit.MILLIS.between(
              templates.get(i % templates.size()).registeredAt(), registered);
        },
        (template, shift) -> nextNumber[0]++);
  }

  private interface Shift {
    long of(int copy);
  }

  private interface Sequence {
    long next(OrderTemplate template, long shift);
  }

  private Written write(
      List<OrderTemplate> templates,
      int count,
      Map<OrderTemplate, Copy> firstCopies,
      Shift shifts,
      Sequence sequences)
      throws SQLException {
    long started = System.nanoTime();
    long rows = 0;
    try (Connection c = postgres.connect(database)) {
      c.setAutoCommit(false);
      CopyManager copyManager = c.unwrap(PGConnection.class).getCopyAPI();
      List<OrderTemplate> batchTemplates = new ArrayList<>();
      List<Copy> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        OrderTemplate template = templates.get(i % templates.size());
        long shift = shifts.of(i);
        Copy copy = copy(template, shift, sequences.next(template, shift));
        firstCopies.putIfAbsent(template, copy);
        batchTemplates.add(template);
        batch.add(copy);
        if (batch.size() == COPIES_PER_TRANSACTION || i == count - 1) {
          rows += writeBatch(c, copyManager, batchTemplates, batch);
          batchTemplates.clear();
          batch.clear();
        }
        if ((i + 1) % 50_000 == 0) {
          LOG.info(
              "{}: {} of {} orders written ({} rows/s)",
              database,
              i + 1,
              count,
              Math.round(rows / ((System.nanoTime() - started) / 1e9)));
        }
      }
    }
    return new Written(count, rows, Duration.ofNanos(System.nanoTime() - started));
  }

  private long writeBatch(
      Connection c, CopyManager copyManager, List<OrderTemplate> templates, List<Copy> copies)
      throws SQLException {
    long rows = 0;
    try {
      for (String table : schema.parentsFirst()) {
        StringBuilder lines = new StringBuilder();
        List<String> columns = null;
        for (int k = 0; k < copies.size(); k++) {
          OrderTemplate.Table template = templates.get(k).tables().get(table);
          if (template != null) {
            columns = template.columns();
            templates.get(k).write(table, copies.get(k), lines);
          }
        }
        if (columns != null) {
          rows +=
              copyManager.copyIn(
                  "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
                  new StringReader(lines.toString()));
        }
      }
      c.commit();
    } catch (java.io.IOException e) {
      c.rollback();
      throw new SQLException("COPY failed", e);
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
    return rows;
  }

  private Copy copy(OrderTemplate template, long shift, long sequence) {
    String[] ids = new String[template.ids().size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = nextId();
    }
    String number = null;
    String phone = null;
    if (template.number() != null) {
      number = DAY.format(registration(template, shift)) + "-" + String.format("%06d", sequence);
      phone = TestPhones.unique();
      if (number.length() != template.number().length()) {
        throw new IllegalStateException("more than 999,999 orders in a day: " + number);
      }
    }
    return new Copy(ids, number, phone, shift);
  }

  private static LocalDate registration(OrderTemplate template, long shift) {
    return template.registeredAt().plus(shift, ChronoUnit.MILLIS).toLocalDate();
  }

  /**
   * A fresh id in the form of the engine's (a random UUID); consecutive ids begin with consecutive
   * numbers, so the primary-key indexes grow at one place instead of everywhere.
   */
  private String nextId() {
    char[] id = new char[36];
    long prefix = nextIdPrefix++;
    hex(prefix >>> 16, id, 0, 8);
    hex(prefix & 0xFFFF, id, 9, 4);
    long random1 = random.nextLong();
    long random2 = random.nextLong();
    hex(0x4000 | (random1 & 0x0FFF), id, 14, 4);
    hex(0x8000 | ((random1 >>> 12) & 0x3FFF), id, 19, 4);
    hex(random2 & 0xFFFF_FFFF_FFFFL, id, 24, 12);
    id[8] = '-';
    id[13] = '-';
    id[18] = '-';
    id[23] = '-';
    return new String(id);
  }

  private static void hex(long value, char[] into, int at, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      into[at + i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
  }

  /**
   * Takes {@code count} numbers of each day from the day's counter, as the app's own number service
   * would one by one.
   *
   * @return the first number taken on each day
   */
  private Map<LocalDate, Long> reserveNumbers(Map<LocalDate, Integer> perDay) throws SQLException {
    Map<LocalDate, Long> first = new HashMap<>();
    try (Connection c = postgres.connect(database);
        PreparedStatement sql =
            c.prepareStatement(
                "INSERT INTO work_order_number_counter (counter_day, last_value) VALUES (?, ?)"
                    + " ON CONFLICT (counter_day) DO UPDATE SET last_value ="
                    + " work_order_number_counter.last_value + EXCLUDED.last_value"
                    + " RETURNING last_value")) {
      for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
        sql.setObject(1, day.getKey());
        sql.setLong(2, day.getValue());
        try (ResultSet rs = sql.executeQuery()) {
          rs.next();
          first.put(day.getKey(), rs.getLong(1) - day.getValue() + 1);
        }
      }
    }
    return first;
  }

  /** Rows in each table. */
  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = postgres.connect(database);
        Statement sql = c.createStatement()) {
      for (String table : schema.parentsFirst()) {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  /**
   * Checks that the copies hold together: each table grew by exactly the rows the copies should
   * have added, and no row points at an instance, task or job that is not there. (Foreign keys were
   * checked by PostgreSQL as each COPY ran.)
   *
   * @param copies how many copies of each template were written
   */
  void verify(Map<String, Long> before, Map<OrderTemplate, Integer> copies) throws SQLException {
    Map<String, Long> expected = new LinkedHashMap<>(before);
    copies.forEach(
        (template, count) ->
            template
                .tables()
                .forEach(
                    (table, rows) ->
                        expected.merge(table, (long) rows.rows().size() * count, Long::sum)));
    Map<String, Long> after = rowCounts();
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (table, rows) -> {
          if (!TemplateRecorder.NOT_AN_ORDERS.contains(table) && !rows.equals(after.get(table))) {
            problems.add(table + " has " + after.get(table) + " rows, expected " + rows);
          }
        });
    Map<String, String> orphans = new LinkedHashMap<>();
    orphans.put(
        "jobs of no running instance",
        "SELECT count(*) FROM act_ru_job j WHERE j.process_instance_id_ IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM act_ru_execution e WHERE e.id_ = j.process_instance_id_)");
    orphans.put(
        "running instances without history",
        "SELECT count(*) FROM act_ru_execution e WHERE e.id_ = e.proc_inst_id_ AND NOT EXISTS"
            + " (SELECT 1 FROM act_hi_procinst h WHERE h.id_ = e.id_ AND h.end_time_ IS NULL)");
    orphans.put(
        "tasks without their history",
        "SELECT count(*) FROM act_ru_task t WHERE NOT EXISTS"
            + " (SELECT 1 FROM act_hi_taskinst h WHERE h.id_ = t.id_ AND h.end_time_ IS NULL)");
    orphans.put(
        "task history of no instance",
        "SELECT count(*) FROM act_hi_taskinst t WHERE t.proc_inst_id_ IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = t.proc_inst_id_)");
    orphans.put(
        "grants on instances that never were",
        "SELECT count(*) FROM act_ru_authorization a WHERE a.resource_type_ = 8"
            + " AND a.resource_id_ <> '*' AND NOT EXISTS"
            + " (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = a.resource_id_)");
    orphans.put(
        "grants on tasks that never were",
        "SELECT count(*) FROM act_ru_authorization a WHERE a.resource_type_ = 7"
            + " AND a.resource_id_ <> '*' AND NOT EXISTS"
            + " (SELECT 1 FROM act_hi_taskinst t WHERE t.id_ = a.resource_id_)");
    if (numbered) {
      orphans.put(
          "contacts of no order",
          "SELECT count(*) FROM citizen_contact c WHERE NOT EXISTS"
              + " (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = c.process_instance_id)");
      orphans.put(
          "numbers given twice",
          "SELECT count(*) FROM (SELECT business_key_ FROM act_hi_procinst"
              + " WHERE proc_def_key_ = 'workOrder' GROUP BY business_key_ HAVING count(*) > 1) d");
    }
    try (Connection c = postgres.connect(database);
        Statement sql = c.createStatement()) {
      for (Map.Entry<String, String> check : orphans.entrySet()) {
        try (ResultSet rs = sql.executeQuery(check.getValue())) {
          rs.next();
          if (rs.getLong(1) != 0) {
            problems.add(rs.getLong(1) + " " + check.getKey());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(database + ": the copies do not hold together: " + problems);
    }
    LOG.info("{}: every table grew by the copies' rows exactly; no row points nowhere", database);
  }

  /** Whether the app has sent every message that is due (its poller runs every 30 s). */
  static TemplateRecorder.Settled appMessagesSent(Postgres postgres, String database) {
    return () -> {
      try (Connection c = postgres.connect(database);
          PreparedStatement sql =
              c.prepareStatement(
                  "SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'"
                      + " AND next_attempt_at <= ?")) {
        sql.setObject(1, LocalDateTime.now(Postgres.ZONE));
        try (ResultSet rs = sql.executeQuery()) {
          rs.next();
          return rs.getLong(1) == 0;
        }
      }
    };
  }

  /**
   * Records, through the app's APIs, an order of each desk closed and one waiting at each step, and
   * returns them as templates.
   */
  static List<OrderTemplate> recordAppOrders(
      AppStaff staff, TemplateRecorder recorder, Map<OrderTemplate, Desk> desks)
      throws SQLException, InterruptedException {
    Map<String, Desk> deskOf = new HashMap<>();
    for (Desk desk : Desk.ALL) {
      for (Progress progress : Progress.values()) {
        String name = desk.unit() + " " + progress;
        deskOf.put(name, desk);
        recorder.record(
            name,
            progress,
            () -> {
              AppStaff.Registered order = staff.register(desk);
              staff.advance(order.number(), desk, Progress.TO_SIGN, progress);
              return new TemplateRecorder.Tokens(order.number(), order.phone());
            });
      }
    }
    List<OrderTemplate> templates = recorder.templates();
    templates.forEach(t -> desks.put(t, deskOf.get(t.name())));
    return templates;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Postgres postgres = new Postgres(options.text("postgres", "127.0.0.1:5432"), "postgres");
    String database = options.text("database", "hotline");
    int closed = options.number("closed", 1_000_000);
    int open = options.number("open", 100_000);
    AppStaff staff = new AppStaff(options.number("app-port", 8080), Duration.ofSeconds(60));
    TemplateRecorder recorder =
        new TemplateRecorder(postgres, database, appMessagesSent(postgres, database));
    Map<OrderTemplate, Desk> desks = new HashMap<>();
    List<OrderTemplate> templates = recordAppOrders(staff, recorder, desks);
    seed(postgres, database, recorder.schema(), templates, closed, open, true);
  }

  /**
   * What {@link #seed} wrote: the first copy of each template, how fast it went and how much the
   * database grew per order.
   */
  record Seeded(
      Map<OrderTemplate, Copy> firstCopies, Written closed, Written open, long bytesPerOrder) {}

  /**
   * Writes {@code closed} and {@code open} copies of the templates, analyzes the tables and checks
   * the copies.
   */
  static Seeded seed(
      Postgres postgres,
      String database,
      Schema schema,
      List<OrderTemplate> templates,
      int closed,
      int open,
      boolean numbered)
      throws SQLException {
    OrderSeeder seeder = new OrderSeeder(postgres, database, schema, numbered);
    List<OrderTemplate> closedOnes =
        templates.stream().filter(t -> t.progress() == Progress.CLOSED).toList();
    List<OrderTemplate> openOnes =
        templates.stream().filter(t -> t.progress() != Progress.CLOSED).toList();
    Map<String, Long> before = seeder.rowCounts();
    long sizeBefore = postgres.size(database);
    Map<OrderTemplate, Copy> firstCopies = new LinkedHashMap<>();
    Written closedWritten = seeder.writeClosed(closedOnes, closed, firstCopies);
    Written openWritten = seeder.writeOpen(openOnes, open, firstCopies);
    for (Written written : List.of(closedWritten, openWritten)) {
      LOG.info(
          "{}: {} orders, {} rows in {} s: {} orders/s, {} rows/s",
          database,
          written.orders(),
          written.rows(),
          written.took().toSeconds(),
          Math.round(written.ordersPerSecond()),
          Math.round(written.rowsPerSecond()));
    }
    long bytesPerOrder = (postgres.size(database) - sizeBefore) / Math.max(1, closed + open);
    LOG.info("{}: {} KiB per order", database, bytesPerOrder / 1024);
    long analyzing = System.nanoTime();
    postgres.analyze(database);
    LOG.info("{}: ANALYZE took {} s", database, (System.nanoTime() - analyzing) / 1_000_000_000);
    Map<OrderTemplate, Integer> copies = new HashMap<>();
    for (int i = 0; i < closed; i++) {
      copies.merge(closedOnes.get(i % closedOnes.size()), 1, Integer::sum);
    }
    for (int i = 0; i < open; i++) {
      copies.merge(openOnes.get(i % openOnes.size()), 1, Integer::sum);
    }
    seeder.verify(before, copies);
    return new Seeded(firstCopies, closedWritten, openWritten, bytesPerOrder);
  }
}
