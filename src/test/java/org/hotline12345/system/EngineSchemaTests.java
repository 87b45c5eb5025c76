package org.hotline12345.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hotline12345.FreshDatabase;
import org.hotline12345.system.EngineSchema.Outcome;
import org.hotline12345.system.EngineSchema.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's schema step on real PostgreSQL databases of their own: nodes that start at the same
 * instant on an empty database or on an old one (7.22, from Camunda's own scripts of that release)
 * create or upgrade the schema once, to exactly what the engine itself would create, and the engine
 * then runs on it with {@code schema-update} off.
 */
@EnabledIf(
    value = "org.hotline12345.FreshDatabase#postgresSuite",
    disabledReason = "PostgreSQL only: -Dtest.profiles=postgres,test")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EngineSchemaTests {

  private static final String ENGINE = ProductPropertiesUtil.getProductVersion();
  private static final Retry ONCE = new Retry(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  private static final List<String> COMPONENTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  @Test
  void twoNodesStartingAtOnceOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
    try (FreshDatabase database = FreshDatabase.create("schema_empty");
        HikariDataSource nodeA = database.newPool();
        HikariDataSource nodeB = database.newPool();
        FreshDatabase byTheEngine = FreshDatabase.create("schema_engine");
        HikariDataSource reference = byTheEngine.newPool()) {

      List<Result> results = atTheSameInstant(nodeA, nodeB);

      assertThat(results)
          .extracting(Result::outcome)
          .containsExactlyInAnyOrder(Outcome.CREATED, Outcome.CURRENT);
      JdbcTemplate jdbc = new JdbcTemplate(nodeA);
      assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
          .as("created once")
          .containsExactly(ENGINE);
      engine(reference, "true").close();
      assertThat(structureOf(nodeA))
          .as("the tables, columns and indexes the engine creates itself")
          .isEqualTo(structureOf(reference));
      assertTheEngineRunsWithoutSchemaUpdate(nodeA);
    }
  }

  @Test
  void twoNodesStartingAtOnceOnAnOldDatabaseUpgradeItOnce() throws Exception {
    try (FreshDatabase database = FreshDatabase.create("schema_old");
        HikariDataSource nodeA = database.newPool();
        HikariDataSource nodeB = database.newPool();
        FreshDatabase byTheEngine = FreshDatabase.create("schema_engine");
        HikariDataSource reference = byTheEngine.newPool()) {
      createCamunda722(nodeA);

      List<Result> results = atTheSameInstant(nodeA, nodeB);

      assertThat(results)
          .extracting(Result::outcome)
          .containsExactlyInAnyOrder(Outcome.UPGRADED, Outcome.CURRENT);
      assertThat(results)
          .filteredOn(result -> result.outcome() == Outcome.UPGRADED)
          .extracting(Result::from)
          .containsExactly("7.22.0");
      JdbcTemplate jdbc = new JdbcTemplate(nodeA);
      assertThat(
              jdbc.queryForList(
                  "SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY CAST(ID_ AS INTEGER)",
                  String.class))
          .as("each upgrade script ran once: 7.22 → 7.23 → " + ENGINE)
          .containsExactly("7.22.0", "7.23.0", ENGINE);
      engine(reference, "true").close();
      assertThat(structureOf(nodeA))
          .as("the same tables, columns and indexes as a schema the engine creates itself")
          .isEqualTo(structureOf(reference));
      assertTheEngineRunsWithoutSchemaUpdate(nodeA);
    }
  }

  @Test
  void aSchemaOneMinorVersionNewerIsLeftForARollingUpdateAndTwoNewerIsRefused() throws Exception {
    try (FreshDatabase database = FreshDatabase.create("schema_newer");
        HikariDataSource node = database.newPool()) {
      EngineSchema schema = new EngineSchema(node, ENGINE, ONCE);
      schema.update();
      JdbcTemplate jdbc = new JdbcTemplate(node);
      EngineSchema.Version engine = EngineSchema.Version.of(ENGINE);
      String next = engine.major() + "." + (engine.minor() + 1) + ".0";
      String afterNext = engine.major() + "." + (engine.minor() + 2) + ".0";

      jdbc.update("INSERT INTO ACT_GE_SCHEMA_LOG VALUES ('90000', CURRENT_TIMESTAMP, ?)", next);
      assertThat(schema.update()).isEqualTo(new Result(Outcome.NEWER, next, next));

      jdbc.update(
          "INSERT INTO ACT_GE_SCHEMA_LOG VALUES ('90001', CURRENT_TIMESTAMP, ?)", afterNext);
      assertThatThrownBy(schema::update)
          .hasMessageContaining(afterNext)
          .hasMessageContaining("more than one minor version newer than this engine");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_SCHEMA_LOG", Integer.class))
          .as("nothing changed")
          .isEqualTo(3);
    }
  }

  /** Each node has its own pool; all of them run the schema step at once. */
  private static List<Result> atTheSameInstant(DataSource... nodes) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(nodes.length);
    try {
      CyclicBarrier start = new CyclicBarrier(nodes.length);
      List<Future<Result>> running = new ArrayList<>();
      for (DataSource node : nodes) {
        running.add(
            threads.submit(
                () -> {
                  EngineSchema schema = new EngineSchema(node, ENGINE, ONCE);
                  start.await();
                  return schema.update();
                }));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> result : running) {
        results.add(result.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void createCamunda722(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      for (String component : COMPONENTS) {
        ScriptUtils.executeSqlScript(
            connection,
            new EncodedResource(
                new ClassPathResource(
                    "engine-schema/7.22.0/activiti.postgres.create." + component + ".sql"),
                StandardCharsets.UTF_8));
      }
    }
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
        .containsExactly("7.22.0");
  }

  /** Every ACT_ table's columns (name, type, length, nullable) and every index's definition. */
  private static List<String> structureOf(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> structure =
        new ArrayList<>(
            jdbc.queryForList(
                "SELECT table_name || '.' || column_name || ' ' || data_type || '('"
                    + " || COALESCE(character_maximum_length, numeric_precision, 0) || ') '"
                    + " || is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'act\\_%'"
                    + " ORDER BY 1",
                String.class));
    structure.addAll(
        jdbc.queryForList(
            "SELECT indexdef FROM pg_indexes"
                + " WHERE schemaname = current_schema() AND tablename LIKE 'act\\_%' ORDER BY 1",
            String.class));
    return structure;
  }

  /** Deploys and starts a process, which writes to the runtime and history tables. */
  private static void assertTheEngineRunsWithoutSchemaUpdate(DataSource dataSource) {
    ProcessEngine engine = engine(dataSource, "false");
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "check.bpmn",
              Bpmn.createExecutableProcess("schemaCheck")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Check")
                  .endEvent()
                  .done())
          .deploy();
      engine.getRuntimeService().startProcessInstanceByKey("schemaCheck");
      assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Check").count())
          .isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
          .isEqualTo(1);
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(DataSource dataSource, String schemaUpdate) {
    return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("schema-" + UUID.randomUUID())
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(schemaUpdate)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }
}
