package org.hotline12345.benchmark;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.hotline12345.benchmark.Load.Throughput;
import org.hotline12345.benchmark.Load.Timed;
import org.hotline12345.benchmark.OrderTemplate.Copy;
import org.hotline12345.benchmark.Postgres.Counters;
import org.hotline12345.benchmark.Postgres.StatementCost;
import org.hotline12345.benchmark.Postgres.TableReads;
import org.hotline12345.benchmark.TimerDrain.Drained;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the packaged app on PostgreSQL beside a bare Camunda 7 engine ({@link BareEngine}) in
 * the same run and prints each figure for both and their ratio: full lifecycles per second at 4 and
 * 8 concurrent, registration latency at a fixed open-loop rate, commits and rows read per
 * lifecycle, a unit's Tasklist page and filter count, and timers that fall due at once. Both
 * databases are first filled with copies of real orders ({@link OrderSeeder}), so the figures are
 * taken at scale. Not a test: {@code ./mvnw verify} does not run it. Run it with
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmodel-lint.skip=true package
 * ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hotline12345.benchmark.Benchmark -Dexec.args="--closed=10000 --open=1000"
 * </pre>
 *
 * Options ({@code --name=value}) and their defaults: closed 1000000, open 100000 (orders seeded),
 * lifecycle-seconds 60, warm-up-seconds 10, rate 20, rate-seconds 60, timers 10000, page-samples
 * 30, cost-lifecycles 30, idle-seconds 70, jar target/hotline-work-orders-0.1.0-SNAPSHOT.jar, port
 * 18080, heap 2g, postgres 127.0.0.1:5432, out target/benchmark, max-minutes 720 (the whole run
 * stops itself after that).
 */
public final class Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  private static final String APP_DB = "bench_app";
  private static final String BARE_DB = "bench_bare";
  private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

  /** Lifecycles whose cost is measured stop after this long (at least one runs). */
  private static final Duration COST_LIMIT = Duration.ofMinutes(5);

  private final Options options;
  private final Postgres postgres;
  private final Report report = new Report();
  private final LoadAverage load = new LoadAverage();
  private PackagedApp app;
  private AppStaff staff;
  private BareEngine bare;

  private Benchmark(Options options) {
    this.options = options;
    this.postgres = new Postgres(options.text("postgres", "127.0.0.1:5432"), "postgres");
  }

  public static void main(String[] args) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone(Postgres.ZONE));
    quietLogs();
    Options options = Options.parse(args);
    stopAfter(Duration.ofMinutes(options.number("max-minutes", 720)));
    new Benchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    Path out = Path.of(options.text("out", "target/benchmark"));
    Files.createDirectories(out);
    String started =
        LocalDateTime.now(Postgres.ZONE)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    String machine = machine();
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    LOG.info("Benchmark on {}, load average {}", machine, loadBefore);
    load.start();
    postgres.recreate(APP_DB);
    postgres.recreate(BARE_DB);
    boolean statements = postgres.statementStatisticsLoaded();
    if (statements) {
      postgres.createStatementStatistics(APP_DB);
      postgres.createStatementStatistics(BARE_DB);
    }
    try (PackagedApp packaged =
            PackagedApp.start(
                Path.of(options.text("jar", "target/hotline-work-orders-0.1.0-SNAPSHOT.jar")),
                options.number("port", 18080),
                postgres.url(APP_DB),
                options.text("heap", "2g"),
                out.resolve("app.log"),
                Duration.ofMinutes(5));
        BareEngine bareEngine = BareEngine.start(postgres.url(BARE_DB), postgres.user(), 10)) {
      app = packaged;
      bare = bareEngine;
      staff = new AppStaff(app.port(), CALL_LIMIT);
      measure(statements);
    } finally {
      load.stop();
    }
    String text =
        "Run of "
            + started
            + " (Asia/Shanghai) on "
            + machine
            + "; load average (1 min) before it started: "
            + loadBefore
            + ", during the measurements (its own work included): "
            + load.summary()
            + "\n\n"
            + report.markdown();
    Files.writeString(out.resolve("report.md"), text, StandardCharsets.UTF_8);
    LOG.info("Results (also in {}):\n\n{}", out.resolve("report.md"), text);
  }

  private void measure(boolean statements) throws Exception {
    int closed = options.number("closed", 1_000_000);
    int open = options.number("open", 100_000);

    LOG.info("Warming up both");
    for (int i = 0; i < 8; i++) {
      staff.lifecycle(Desk.of(i));
      bare.lifecycle(Desk.of(i));
    }

    LOG.info("Recording the orders to copy");
    Map<OrderTemplate, Desk> appDesks = new HashMap<>();
    TemplateRecorder appRecorder =
        new TemplateRecorder(postgres, APP_DB, OrderSeeder.appMessagesSent(postgres, APP_DB));
    List<OrderTemplate> appTemplates = OrderSeeder.recordAppOrders(staff, appRecorder, appDesks);
    Map<OrderTemplate, Desk> bareDesks = new HashMap<>();
    Map<String, String> bareInstances = new HashMap<>();
    TemplateRecorder bareRecorder = new TemplateRecorder(postgres, BARE_DB, () -> true);
    List<OrderTemplate> bareTemplates = recordBareOrders(bareRecorder, bareDesks, bareInstances);

    int costLifecycles = options.number("cost-lifecycles", 30);
    Cost appBefore = cost(APP_DB, costLifecycles, statements, staff::lifecycle);
    Cost bareBefore = cost(BARE_DB, costLifecycles, statements, bare::lifecycle);

    LOG.info("Seeding {} closed and {} open orders into each database", closed, open);
    OrderSeeder.Seeded appSeeded =
        OrderSeeder.seed(postgres, APP_DB, appRecorder.schema(), appTemplates, closed, open, true);
    OrderSeeder.Seeded bareSeeded =
        OrderSeeder.seed(
            postgres, BARE_DB, bareRecorder.schema(), bareTemplates, closed, open, false);
    workCopies(
        appSeeded.firstCopies(), appDesks, bareSeeded.firstCopies(), bareDesks, bareInstances);

    load.measuring(true);
    Duration warmUp = Duration.ofSeconds(options.number("warm-up-seconds", 10));
    Duration window = Duration.ofSeconds(options.number("lifecycle-seconds", 60));
    for (int workers : List.of(4, 8)) {
      Throughput appRate =
          lifecycles("app", workers, warmUp, window, w -> () -> staff.lifecycle(Desk.of(w)));
      Throughput bareRate =
          lifecycles("bare", workers, warmUp, window, w -> () -> bare.lifecycle(Desk.of(w)));
      report.add(
          "full lifecycles/s, " + workers + " concurrent (register, sign, handle, review, revisit)",
          rate(appRate),
          rate(bareRate),
          appRate.perSecond(),
          bareRate.perSecond());
    }

    Cost appScale = cost(APP_DB, costLifecycles, statements, staff::lifecycle);
    Cost bareScale = cost(BARE_DB, costLifecycles, statements, bare::lifecycle);
    report.add(
        "commits per lifecycle (before seeding / at scale)",
        Report.format(appBefore.commits()) + " / " + Report.format(appScale.commits()),
        Report.format(bareBefore.commits()) + " / " + Report.format(bareScale.commits()),
        appScale.commits(),
        bareScale.commits());
    report.add(
        "rows read per lifecycle (before seeding / at scale)",
        Report.format(appBefore.rowsRead()) + " / " + Report.format(appScale.rowsRead()),
        Report.format(bareBefore.rowsRead()) + " / " + Report.format(bareScale.rowsRead()),
        appScale.rowsRead(),
        bareScale.rowsRead());
    report.note(
        "Rows read are pg_stat_database's tup_returned (rows of sequential scans plus index entries"
            + " returned), per lifecycle over "
            + appScale.lifecycles()
            + " (app) and "
            + bareScale.lifecycles()
            + " (bare) lifecycles run one after another; commits are its xact_commit. Both include what"
            + " ran in the background meanwhile (job acquisition, the outbox poller). Most rows"
            + " read per lifecycle at scale, app: "
            + appScale.topTables()
            + "; bare: "
            + bareScale.topTables()
            + ".");
    if (statements) {
      report.note("Costliest statements per lifecycle at scale, app: " + appScale.topStatements());
    } else {
      report.note(
          "pg_stat_statements is not loaded by this server (it needs"
              + " shared_preload_libraries = 'pg_stat_statements' and a restart), so the costs come"
              + " from pg_stat_database and pg_stat_user_tables only.");
    }

    registrations();
    tasklist();
    timers();
    load.measuring(false);

    report.add(
        "seeding: orders/s (rows/s), closed; open; database size per order",
        seeding(appSeeded),
        seeding(bareSeeded));
    report.note(
        "Scale: "
            + closed
            + " closed and "
            + open
            + " open orders copied into each database, plus what the run itself registered.");
    if (!app.isAlive()) {
      report.note("THE APP STOPPED ITSELF during the run: see app.log.");
    }
  }

  private List<OrderTemplate> recordBareOrders(
      TemplateRecorder recorder, Map<OrderTemplate, Desk> desks, Map<String, String> instances)
      throws SQLException, InterruptedException {
    Map<String, Desk> deskOf = new HashMap<>();
    for (Desk desk : Desk.ALL) {
      for (Progress progress : List.of(Progress.TO_SIGN, Progress.IN_HANDLING, Progress.CLOSED)) {
        String name = "bare " + desk.unit() + " " + progress;
        deskOf.put(name, desk);
        recorder.record(
            name,
            progress,
            () -> {
              String id = bare.start(desk);
              bare.advance(id, desk, Progress.TO_SIGN, progress);
              instances.put(name, id);
              return new TemplateRecorder.Tokens(null, null);
            });
      }
    }
    List<OrderTemplate> templates = recorder.templates();
    templates.forEach(t -> desks.put(t, deskOf.get(t.name())));
    return templates;
  }

  /**
   * The copies must be orders the app and the engine can work: the first copy of each template is
   * read through the intake API and, if open, worked to its end by the demo staff; the bare
   * engine's are worked to their end too.
   */
  private void workCopies(
      Map<OrderTemplate, Copy> appCopies,
      Map<OrderTemplate, Desk> appDesks,
      Map<OrderTemplate, Copy> bareCopies,
      Map<OrderTemplate, Desk> bareDesks,
      Map<String, String> bareInstances) {
    appCopies.forEach(
        (template, copy) -> {
          String status = staff.order(copy.number()).path("status").asText();
          String expected = template.progress() == Progress.CLOSED ? "CLOSED" : "OPEN";
          if (!expected.equals(status)) {
            throw new IllegalStateException(
                "copy " + copy.number() + " of " + template.name() + " is " + status);
          }
          if (template.progress() != Progress.CLOSED) {
            staff.advance(
                copy.number(), appDesks.get(template), template.progress(), Progress.CLOSED);
          }
        });
    bareCopies.forEach(
        (template, copy) -> {
          if (template.progress() != Progress.CLOSED) {
            String original = bareInstances.get(template.name());
            String instance = copy.ids()[template.ids().indexOf(original)];
            bare.advance(instance, bareDesks.get(template), template.progress(), Progress.CLOSED);
          }
        });
    LOG.info(
        "The first copy of each of {} app and {} bare templates reads as recorded and was worked"
            + " to its end",
        appCopies.size(),
        bareCopies.size());
  }

  private Throughput lifecycles(
      String side, int workers, Duration warmUp, Duration window, IntFunction<Runnable> work)
      throws InterruptedException, SQLException {
    LOG.info("{}: lifecycles with {} concurrent for {} s", side, workers, window.toSeconds());
    Throughput throughput = Load.closedLoop(workers, warmUp, window, work);
    String database = side.equals("app") ? APP_DB : BARE_DB;
    LOG.info(
        "{}: {} lifecycles/s ({} in {} s, {} failed{}); jobs due afterwards: {}",
        side,
        Report.format(throughput.perSecond()),
        throughput.completed(),
        window.toSeconds(),
        throughput.errors(),
        throughput.firstError() == null ? "" : ", first: " + throughput.firstError(),
        postgres.dueJobs(database));
    return throughput;
  }

  private static String rate(Throughput throughput) {
    return Report.format(throughput.perSecond())
        + (throughput.errors() > 0 ? " (" + throughput.errors() + " failed)" : "");
  }

  private void registrations() throws InterruptedException {
    double rate = options.number("rate", 20);
    Duration duration = Duration.ofSeconds(options.number("rate-seconds", 60));
    AtomicInteger turn = new AtomicInteger();
    LOG.info("app: registrations at {}/s for {} s", rate, duration.toSeconds());
    Timed appTimed =
        Load.openLoop(
            rate,
            duration,
            CALL_LIMIT,
            () ->
                staff
                        .sendRegistration(
                            Desk.of(turn.incrementAndGet()), org.hotline12345.TestPhones.unique())
                        .status()
                    == 201);
    LOG.info("bare: starts at {}/s for {} s", rate, duration.toSeconds());
    Timed bareTimed =
        Load.openLoop(
            rate, duration, CALL_LIMIT, () -> bare.start(Desk.of(turn.incrementAndGet())) != null);
    report.add(
        "registration at "
            + Report.format(rate)
            + "/s open loop for "
            + duration.toSeconds()
            + " s: p50 / p95 / p99 ms (errors); bare: start only",
        percentiles(appTimed, 50, 95, 99) + errors(appTimed),
        percentiles(bareTimed, 50, 95, 99) + errors(bareTimed),
        appTimed.latencies().percentile(99),
        bareTimed.latencies().percentile(99));
    if (appTimed.firstError() != null) {
      report.note("First registration error: " + appTimed.firstError());
    }
  }

  private void tasklist() {
    int samples = options.number("page-samples", 30);
    Duration limit = Duration.ofMinutes(3);
    Desk desk = Desk.MEASURED;
    String appFilter = staff.filterId(desk.user(), BareEngine.FILTER_TO_SIGN);
    String bareFilter = bare.filterId(desk, BareEngine.FILTER_TO_SIGN);
    long appQueue = staff.count(desk.user(), appFilter);
    long bareQueue = bare.count(desk, bareFilter);
    LOG.info(
        "{}'s queue {}: app {} tasks, bare {}",
        desk.unit(),
        BareEngine.FILTER_TO_SIGN,
        appQueue,
        bareQueue);
    Timed appPage = Load.oneAtATime(samples, limit, () -> staff.page(desk.user(), appFilter));
    Timed barePage = Load.oneAtATime(samples, limit, () -> bare.page(desk, bareFilter));
    Timed appCount = Load.oneAtATime(samples, limit, () -> staff.count(desk.user(), appFilter));
    Timed bareCount = Load.oneAtATime(samples, limit, () -> bare.count(desk, bareFilter));
    Timed appFilters = Load.oneAtATime(samples, limit, () -> staff.filters(desk.user()));
    Timed bareFilters = Load.oneAtATime(samples, limit, () -> bare.filters(desk));
    String queue = " (" + appQueue + " / " + bareQueue + " tasks in the queue)";
    report.add(
        "a unit's Tasklist page, 15 tasks of "
            + BareEngine.FILTER_TO_SIGN
            + " with its count (HAL): p50 / p95 ms"
            + queue,
        percentiles(appPage, 50, 95),
        percentiles(barePage, 50, 95),
        appPage.latencies().percentile(95),
        barePage.latencies().percentile(95));
    report.add(
        "the filter's count: p50 / p95 ms",
        percentiles(appCount, 50, 95),
        percentiles(bareCount, 50, 95),
        appCount.latencies().percentile(95),
        bareCount.latencies().percentile(95));
    report.add(
        "the unit's filter list as Tasklist asks for it (count, then list; HAL): p50 / p95 ms",
        percentiles(appFilters, 50, 95),
        percentiles(bareFilters, 50, 95),
        appFilters.latencies().percentile(95),
        bareFilters.latencies().percentile(95));
    report.note(
        "The Tasklist figures are "
            + appPage.sent()
            + " calls each, one after another, as "
            + desk.user()
            + " ("
            + desk.unit()
            + "); the bare engine answers the same filter queries in-process"
            + " (FilterService, authorization checks on), without HTTP and HAL.");
  }

  private void timers() throws SQLException, InterruptedException {
    int count = options.number("timers", 10_000);
    TimerDrain appDrain = new TimerDrain(postgres, APP_DB);
    TimerDrain bareDrain = new TimerDrain(postgres, BARE_DB);
    List<String> appTimers = appDrain.waitingTimers(Elements.TIMER_SIGN_OVERDUE, count);
    List<String> bareTimers = bareDrain.waitingTimers(BareEngine.TIMER_SIGN_OVERDUE, count);
    int n = Math.min(appTimers.size(), bareTimers.size());
    Duration limit = Duration.ofSeconds(120 + n / 10);
    awaitNoDueJobs();
    LOG.info("app: {} signing deadlines pass at once", n);
    Drained appDrained = appDrain.fire(appTimers.subList(0, n), Duration.ofSeconds(3), limit);
    awaitNoDueJobs();
    LOG.info("bare: {} signing deadlines pass at once", n);
    Drained bareDrained = bareDrain.fire(bareTimers.subList(0, n), Duration.ofSeconds(3), limit);
    report.add(
        n
            + " timers due at once: jobs/s from the first fired to the last; first / p50 / p99 s"
            + " late (fired of "
            + n
            + ")",
        drained(appDrained),
        drained(bareDrained),
        appDrained.perSecond(),
        bareDrained.perSecond());
    report.add(
        n + " timers due at once: p99 lateness s",
        appDrained.latenessMillis().percentile(99) / 1000,
        bareDrained.latenessMillis().percentile(99) / 1000,
        " s");

    int idle = options.number("idle-seconds", 70);
    awaitNoDueJobs();
    LOG.info("Both job executors idle for {} s, then one timer each falls due", idle);
    Thread.sleep(idle * 1000L);
    List<String> appOne = appDrain.waitingTimers(Elements.TIMER_SIGN_OVERDUE, 1);
    List<String> bareOne = bareDrain.waitingTimers(BareEngine.TIMER_SIGN_OVERDUE, 1);
    Drained appIdle = appDrain.fire(appOne, Duration.ofSeconds(2), Duration.ofMinutes(2));
    Drained bareIdle = bareDrain.fire(bareOne, Duration.ofSeconds(2), Duration.ofMinutes(2));
    report.add(
        "a timer falling due while the job executor idles: s late",
        appIdle.latenessMillis().max() / 1000,
        bareIdle.latenessMillis().max() / 1000,
        " s");
  }

  private static String drained(Drained drained) {
    Latencies late = drained.latenessMillis();
    return Report.format(drained.perSecond())
        + "; "
        + Report.format(late.min() / 1000)
        + " / "
        + Report.format(late.percentile(50) / 1000)
        + " / "
        + Report.format(late.percentile(99) / 1000)
        + " ("
        + drained.fired()
        + (drained.failed() > 0 ? ", " + drained.failed() + " failures" : "")
        + ")";
  }

  private void awaitNoDueJobs() throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while ((postgres.dueJobs(APP_DB) > 0 || postgres.dueJobs(BARE_DB) > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
    }
  }

  private static String seeding(OrderSeeder.Seeded seeded) {
    return Report.format(seeded.closed().ordersPerSecond())
        + " ("
        + Report.format(seeded.closed().rowsPerSecond())
        + "); "
        + Report.format(seeded.open().ordersPerSecond())
        + " ("
        + Report.format(seeded.open().rowsPerSecond())
        + "); "
        + Report.format(seeded.bytesPerOrder() / 1024.0)
        + " KiB";
  }

  private static String percentiles(Timed timed, double... percents) {
    List<String> values = new ArrayList<>();
    for (double percent : percents) {
      values.add(Report.format(timed.latencies().percentile(percent)));
    }
    return String.join(" / ", values);
  }

  private static String errors(Timed timed) {
    return " (" + timed.errors() + " of " + timed.sent() + ")";
  }

  /** What one lifecycle cost the database, on average over several run one after another. */
  private record Cost(
      int lifecycles,
      Counters counters,
      Map<String, Long> tableRows,
      Map<String, StatementCost> statements) {

    double commits() {
      return (double) counters.commits() / lifecycles;
    }

    double rowsRead() {
      return (double) counters.rowsReturned() / lifecycles;
    }

    String topTables() {
      return tableRows.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(5)
          .map(e -> e.getKey() + " " + Report.format((double) e.getValue() / lifecycles))
          .collect(Collectors.joining(", "));
    }

    String topStatements() {
      return statements.values().stream()
          .sorted(Comparator.comparingLong(StatementCost::blocks).reversed())
          .limit(5)
          .map(
              s ->
                  Report.format((double) s.calls() / lifecycles)
                      + " calls, "
                      + Report.format((double) s.blocks() / lifecycles)
                      + " blocks: `"
                      + abbreviate(s.query().replaceAll("\\s+", " "))
                      + "`")
          .collect(Collectors.joining("; "));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  private interface Lifecycle {
    Object run(Desk desk);
  }

  private Cost cost(String database, int lifecycles, boolean statements, Lifecycle lifecycle)
      throws SQLException, InterruptedException {
    awaitNoDueJobs();
    Thread.sleep(Postgres.STATISTICS_SETTLE.toMillis());
    Counters before = postgres.counters(database);
    Map<String, TableReads> tablesBefore = postgres.tableReads(database);
    Map<String, StatementCost> statementsBefore =
        statements ? postgres.statementCosts(database) : Map.of();
    long stopAt = System.nanoTime() + COST_LIMIT.toNanos();
    int done = 0;
    while (done < lifecycles && (done == 0 || System.nanoTime() < stopAt)) {
      lifecycle.run(Desk.of(done));
      done++;
    }
    awaitNoDueJobs();
    Thread.sleep(Postgres.STATISTICS_SETTLE.toMillis());
    Counters spent = postgres.counters(database).minus(before);
    Map<String, Long> tableRows = new LinkedHashMap<>();
    postgres
        .tableReads(database)
        .forEach(
            (table, reads) ->
                tableRows.put(
                    table,
                    reads.rows()
                        - tablesBefore.getOrDefault(table, new TableReads(0, 0, 0)).rows()));
    Map<String, StatementCost> statementsSpent = new LinkedHashMap<>();
    if (statements) {
      postgres
          .statementCosts(database)
          .forEach(
              (id, cost) -> {
                StatementCost earlier = statementsBefore.get(id);
                statementsSpent.put(
                    id,
                    earlier == null
                        ? cost
                        : new StatementCost(
                            cost.calls() - earlier.calls(),
                            cost.rows() - earlier.rows(),
                            cost.blocks() - earlier.blocks(),
                            cost.millis() - earlier.millis(),
                            cost.query()));
              });
    }
    Cost cost = new Cost(done, spent, tableRows, statementsSpent);
    LOG.info(
        "{}: per lifecycle {} commits, {} rows read; most read: {}",
        database,
        Report.format(cost.commits()),
        Report.format(cost.rowsRead()),
        cost.topTables());
    return cost;
  }

  private static String machine() throws IOException, SQLException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown CPU");
    String memory =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal"))
            .map(
                l ->
                    Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)
                        + " GB RAM")
            .findFirst()
            .orElse("");
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + memory
        + ", Java "
        + Runtime.version()
        + ", PostgreSQL "
        + new Postgres("127.0.0.1:5432", "postgres").version();
  }

  private static void quietLogs() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.INFO);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.camunda")).setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.zaxxer")).setLevel(Level.WARN);
  }

  /** The whole run ends itself after {@code limit}, stopping the app, whatever it is doing. */
  private static void stopAfter(Duration limit) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(limit.toMillis());
                LOG.error("The benchmark ran longer than {}: stopping it", limit);
                System.exit(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "benchmark-time-limit");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** The machine's 1-minute load average, sampled every 5 s while figures are measured. */
  private static final class LoadAverage {
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean measuring;
    private volatile boolean running = true;

    void start() {
      Thread sampler =
          new Thread(
              () -> {
                while (running) {
                  try {
                    if (measuring) {
                      String line = Files.readString(Path.of("/proc/loadavg"));
                      samples.add(Double.parseDouble(line.split(" ")[0]));
                    }
                    Thread.sleep(5_000);
                  } catch (IOException | InterruptedException e) {
                    return;
                  }
                }
              },
              "load-average");
      sampler.setDaemon(true);
      sampler.start();
    }

    void measuring(boolean on) {
      measuring = on;
    }

    void stop() {
      running = false;
    }

    String summary() {
      synchronized (samples) {
        if (samples.isEmpty()) {
          return "not sampled";
        }
        double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format(
            Locale.ROOT,
            "mean %.1f, min %.1f, max %.1f",
            mean,
            Collections.min(samples),
            Collections.max(samples));
      }
    }
  }
}
