package org.hotline12345.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.AppNode;
import org.hotline12345.FreshDatabase;
import org.hotline12345.IntakeRequests;
import org.hotline12345.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application processes, as two production nodes, started at the same instant on one empty
 * PostgreSQL database: both come up, neither answers a request before its start-up work is done,
 * orders registered through either exist once and are read through the other, and a node whose
 * database goes away is not ready within seconds, and ready again when it is back. Both nodes
 * execute due timers, each exactly once, and an article published on one is found on the other
 * within seconds. Node A reaches the database through a relay the test cuts.
 */
@EnabledIf(
    value = "org.hotline12345.FreshDatabase#postgresSuite",
    disabledReason = "PostgreSQL only: -Dtest.profiles=postgres,test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoNodesTests {

  /** Two JVMs booting at once on two shared cores. */
  private static final Duration START = Duration.ofMinutes(6);

  /** What "within seconds" means for a probe. */
  private static final Duration PROBE = Duration.ofSeconds(10);

  private FreshDatabase database;
  private TcpProxy databaseOfA;
  private AppNode nodeA;
  private AppNode nodeB;
  private JdbcTemplate jdbc;

  @BeforeAll
  void startTwoNodesAtTheSameInstantOnAnEmptyDatabase() {
    database = FreshDatabase.create("nodes");
    jdbc = new JdbcTemplate(dataSource());
    URI server = URI.create(database.url().substring("jdbc:".length()));
    databaseOfA = TcpProxy.to(server.getHost(), server.getPort());
    nodeA = AppNode.start("node-a", database.urlThrough("127.0.0.1:" + databaseOfA.port()));
    nodeB = AppNode.start("node-b", database.url());
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> nodeA.awaitReady(START)),
            CompletableFuture.runAsync(() -> nodeB.awaitReady(START)))
        .join();
  }

  @AfterAll
  void stopNodes() {
    for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, databaseOfA, database}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // the next one still closes
      }
    }
  }

  @Test
  void bothNodesComeUpAndNeitherAnsweredBeforeItsStartUpWorkWasDone() {
    assertThat(nodeA.isAlive()).isTrue();
    assertThat(nodeB.isAlive()).isTrue();
    assertThat(List.of(nodeA.firstAnswer(), nodeB.firstAnswer()))
        .as(
            "the first answer each port gave the administrator (created by start-up work) was a"
                + " full one, never a 401 or a 5xx")
        .containsExactly(200, 200);
    for (AppNode node : List.of(nodeA, nodeB)) {
      String log = node.log();
      assertThat(log.indexOf("Tomcat started on port"))
          .as("%s opened its port after all of its start-up work", node)
          .isGreaterThan(log.lastIndexOf("Start-up work "))
          .isPositive();
    }
    String logs = nodeA.log() + nodeB.log();
    assertThat(logs).doesNotContain("Application run failed");
    assertThat(occurrences(logs, "Engine schema 7.24.0 created")).as("by one node").isEqualTo(1);
    assertThat(occurrences(logs, "Engine schema 7.24.0 is current"))
        .as("found by the other")
        .isEqualTo(1);
  }

  @Test
  void theSchemaAndTheApplicationsTablesWereMadeOnce() {
    assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
        .containsExactly("7.24.0");
    assertThat(
            jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                    + " GROUP BY version HAVING COUNT(*) > 1",
                String.class))
        .as("each migration once")
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'workOrder'", Integer.class))
        .as("the models deployed once, though both nodes deployed them")
        .isEqualTo(1);
  }

  @Test
  void ordersRegisteredThroughEitherNodeExistOnceAndEachNodeReadsTheOthers() {
    List<String> numbers = new ArrayList<>();
    for (AppNode node : List.of(nodeA, nodeB, nodeA, nodeB)) {
      Answer registered =
          node.admin().post("/api/work-orders", IntakeRequests.phoneCall("COMPLAINT", "NOISE"));
      assertThat(registered.status()).isEqualTo(201);
      numbers.add(registered.json().path("number").asText());
    }

    assertThat(numbers).doesNotHaveDuplicates();
    for (int i = 0; i < numbers.size(); i++) {
      AppNode other = i % 2 == 0 ? nodeB : nodeA;
      assertThat(other.admin().get("/api/work-orders/" + numbers.get(i)).status()).isEqualTo(200);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?"
                      + " AND PROC_DEF_KEY_ = 'workOrder'",
                  Integer.class,
                  numbers.get(i)))
          .as("order %s exists once", numbers.get(i))
          .isEqualTo(1);
    }
  }

  @Test
  void aNodeWhoseDatabaseIsGoneIsNotReadyWithinSecondsAndReadyAgainWhenItIsBack() {
    try {
      databaseOfA.cut();

      awaitStatus(nodeA, "/actuator/health/readiness", status -> status == 503);
      assertThat(nodeA.status("/actuator/health"))
          .as("the health endpoint answers, without credentials, within a probe's time")
          .isEqualTo(503);
      assertThat(nodeA.status("/actuator/health/liveness"))
          .as("alive: a restart would not bring the database back")
          .isEqualTo(200);
      assertThat(nodeB.status("/actuator/health/readiness")).as("B still serves").isEqualTo(200);
    } finally {
      databaseOfA.restore();
    }

    awaitStatus(nodeA, "/actuator/health/readiness", status -> status == 200);
    Answer afterwards =
        nodeA.admin().post("/api/work-orders", IntakeRequests.phoneCall("COMPLAINT", "NOISE"));
    assertThat(afterwards.status()).as("A serves again").isEqualTo(201);
  }

  @Test
  void dueTimersAreExecutedExactlyOnceAndByBothNodes() {
    // A unit to dispatch to (production has no demo organisation), so each order waits for signing
    // with a timer.
    nodeA
        .admin()
        .post(
            "/engine-rest/group/create",
            Map.of("id", "districtSaertu", "name", "萨尔图区", "type", "UNIT"));
    for (int i = 0; i < 90; i++) {
      AppNode node = i % 2 == 0 ? nodeA : nodeB;
      assertThat(
              node.admin()
                  .post("/api/work-orders", IntakeRequests.phoneCall("COMPLAINT", "NOISE"))
                  .status())
          .isEqualTo(201);
    }
    // Time cannot be moved in another process: the timers are made due in the database instead.
    List<String> timers =
        jdbc.queryForList(
            "SELECT ID_ FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ > CURRENT_TIMESTAMP",
            String.class);
    assertThat(timers).as("the orders wait for their timers").hasSizeGreaterThanOrEqualTo(90);
    jdbc.update(
        "UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP - INTERVAL '1 minute'"
            + " WHERE TYPE_ = 'timer' AND DUEDATE_ > CURRENT_TIMESTAMP");

    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (leftOf(timers) > 0 && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(500));
    }
    assertThat(leftOf(timers)).as("every due timer executed within 2 minutes").isZero();

    List<Map<String, Object>> executions =
        jdbc.queryForList(
            "SELECT JOB_ID_, HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_ID_ IN ("
                + String.join(",", timers.stream().map(id -> "'" + id + "'").toList())
                + ")");
    assertThat(executions.stream().map(row -> row.get("JOB_ID_")))
        .as("each timer executed exactly once")
        .hasSize(timers.size())
        .doesNotHaveDuplicates();
    assertThat(executions.stream().map(row -> row.get("HOSTNAME_")).distinct())
        .as("both nodes executed timers")
        .containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  void anArticlePublishedOnOneNodeIsFoundOnTheOtherWithinSecondsAndGoneWhenRetired() {
    String question = "两节点测试：井盖缺失向哪里反映？";
    Answer created =
        nodeA
            .admin()
            .post(
                "/api/knowledge/articles",
                Map.of(
                    "question", question,
                    "answer", "【测试】向所在区城管部门反映。",
                    "category", "OTHER",
                    "unit", "districtSaertu",
                    "keywords", List.of("井盖")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(nodeA.admin().post(created.location() + "/publish", "").status()).isEqualTo(200);

    awaitOnB(question, found -> found, "found on B within 10 s of its publication on A");

    assertThat(nodeA.admin().post(created.location() + "/retire", "").status()).isEqualTo(200);
    awaitOnB(question, found -> !found, "gone from B within 10 s of its retirement on A");
  }

  private void awaitOnB(String question, Predicate<Boolean> expected, String description) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    boolean found;
    do {
      Answer search =
          nodeB
              .admin()
              .get(
                  "/api/knowledge/articles?q=" + URLEncoder.encode("井盖缺失", StandardCharsets.UTF_8));
      assertThat(search.status()).isEqualTo(200);
      found = search.json().path("matches").findValuesAsText("question").contains(question);
      if (expected.test(found)) {
        return;
      }
      pause(Duration.ofMillis(250));
    } while (System.nanoTime() < deadline);
    throw new AssertionError("article not " + description);
  }

  private int leftOf(List<String> jobIds) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN ("
            + String.join(",", jobIds.stream().map(id -> "'" + id + "'").toList())
            + ")",
        Integer.class);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls until the status matches; each poll must itself answer within a probe's time. */
  private static void awaitStatus(AppNode node, String path, IntPredicate expected) {
    long deadline = System.nanoTime() + PROBE.toNanos();
    int status;
    do {
      long asked = System.nanoTime();
      status = node.status(path);
      assertThat(Duration.ofNanos(System.nanoTime() - asked))
          .as("%s answered within a probe's time", path)
          .isLessThan(Duration.ofSeconds(5));
      if (expected.test(status)) {
        return;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " still answers " + status + " after " + PROBE);
  }

  private DriverManagerDataSource dataSource() {
    return new DriverManagerDataSource(
        database.url(), FreshDatabase.user(), FreshDatabase.password());
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
