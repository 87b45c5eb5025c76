package org.hotline12345.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's own tables (ACT_*), created or upgraded once, by whichever node gets there first,
 * from the SQL scripts the camunda-engine jar ships ({@code org/camunda/bpm/engine/db/create/} and
 * {@code .../upgrade/}). It replaces each engine's {@code schema-update}, which let two nodes
 * starting at once on an empty database both create the tables (one of them died on a duplicate
 * key).
 *
 * <p>Everything happens in one transaction under a PostgreSQL advisory lock: a node starting at the
 * same moment waits, then finds the schema current; a node killed half-way leaves nothing half-done
 * (PostgreSQL's DDL is transactional). A schema one minor version newer than this engine is left
 * alone, because Camunda runs an engine on the next minor version's schema during a rolling update;
 * anything older is upgraded script by script.
 */
class EngineSchema implements InitializingBean {

  enum Outcome {
    CREATED,
    UPGRADED,
    CURRENT,
    NEWER
  }

  /** What the step found ({@code from}, null for an empty database) and left ({@code to}). */
  record Result(Outcome outcome, String from, String to) {}

  /** The advisory lock of the schema step ("12345", step 1). */
  static final long LOCK_KEY = 12_345_001L;

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchema.class);
  private static final String SCRIPTS = "org/camunda/bpm/engine/db/";

  /** A part of the engine's schema, and a table that shows it is there. */
  private record Component(String name, String table) {}

  /** In the order the engine itself creates them ({@code AbstractPersistenceSession}). */
  private static final List<Component> COMPONENTS =
      List.of(
          new Component("engine", "ACT_RU_EXECUTION"),
          new Component("history", "ACT_HI_PROCINST"),
          new Component("identity", "ACT_ID_USER"),
          new Component("case.engine", "ACT_RE_CASE_DEF"),
          new Component("case.history", "ACT_HI_CASEINST"),
          new Component("decision.engine", "ACT_RE_DECISION_DEF"),
          new Component("decision.history", "ACT_HI_DECINST"));

  private final DataSource dataSource;
  private final String engineVersion;
  private final Retry retry;

  /**
   * @param engineVersion the version of the engine's jar, e.g. {@code 7.24.0}
   */
  EngineSchema(DataSource dataSource, String engineVersion, Retry retry) {
    this.dataSource = dataSource;
    this.engineVersion = engineVersion;
    this.retry = retry;
  }

  /** At start, before Flyway and before the engine is built (see EngineSchemaInitialization). */
  @Override
  public void afterPropertiesSet() {
    Result result =
        retry.run("The engine's database schema", this::update, Retry::databaseUnreachable);
    switch (result.outcome()) {
      case CREATED -> LOG.info("Engine schema {} created", result.to());
      case UPGRADED -> LOG.warn("Engine schema upgraded from {} to {}", result.from(), result.to());
      case CURRENT -> LOG.info("Engine schema {} is current", result.to());
      case NEWER ->
          LOG.warn(
              "Engine schema {} is one minor version newer than this engine ({}): a rolling update "
                  + "is under way; replace this node with the new version",
              result.from(),
              engineVersion);
    }
  }

  /** Brings the engine's schema to this engine's version, once, whoever else is starting. */
  Result update() throws SQLException {
    // The pool gives the next user the connection with auto-commit as it was.
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        String type = databaseType(connection);
        DatabaseLock.lock(connection, LOCK_KEY);
        Result result = bringUpToDate(connection, type);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailed) {
          // The connection is gone, and with it the transaction and the lock.
          e.addSuppressed(rollbackFailed);
        }
        throw e;
      }
    }
  }

  private Result bringUpToDate(Connection connection, String type) throws SQLException {
    Version target = Version.of(engineVersion);
    if (!present(connection, "ACT_GE_PROPERTY")) {
      createMissing(connection, type);
      return new Result(Outcome.CREATED, null, engineVersion);
    }
    if (!present(connection, "ACT_GE_SCHEMA_LOG")) {
      throw new IllegalStateException(
          "The engine's tables are older than Camunda 7.11 (no ACT_GE_SCHEMA_LOG): upgrade them by"
              + " hand as Camunda's update guide says, then start again");
    }
    Version current = versionOf(connection);
    if (current.major() != target.major()) {
      throw new IllegalStateException(
          "The engine's tables are of Camunda " + current + ", this engine is " + target);
    }
    if (current.minor() > target.minor() + 1) {
      throw new IllegalStateException(
          "The engine's tables are of Camunda "
              + current
              + ", more than one minor version newer than this engine ("
              + target
              + "): start the newer version of the application instead");
    }
    if (current.minor() == target.minor() + 1) {
      return new Result(Outcome.NEWER, current.toString(), current.toString());
    }
    if (current.minor() == target.minor()) {
      createMissing(connection, type);
      return new Result(Outcome.CURRENT, current.toString(), engineVersion);
    }
    for (int minor = current.minor(); minor < target.minor(); minor++) {
      String from = current.major() + "." + minor;
      String to = current.major() + "." + (minor + 1);
      refuseIfPatchScriptsExist(type, from);
      run(connection, SCRIPTS + "upgrade/" + type + "_engine_" + from + "_to_" + to + ".sql");
    }
    createMissing(connection, type);
    return new Result(Outcome.UPGRADED, current.toString(), engineVersion);
  }

  private void createMissing(Connection connection, String type) throws SQLException {
    for (Component component : COMPONENTS) {
      if (!present(connection, component.table())) {
        run(
            connection,
            SCRIPTS + "create/activiti." + type + ".create." + component.name() + ".sql");
      }
    }
  }

  /**
   * Up to 7.13 Camunda also shipped patch-level scripts, which a database may or may not have had
   * applied; which of them to run is for a person to decide with Camunda's update guide.
   */
  private static void refuseIfPatchScriptsExist(String type, String minor) {
    try {
      Resource[] patches =
          new PathMatchingResourcePatternResolver()
              .getResources(
                  "classpath*:"
                      + SCRIPTS
                      + "upgrade/"
                      + type
                      + "_engine_"
                      + minor
                      + "_patch_*.sql");
      if (patches.length > 0) {
        throw new IllegalStateException(
            "The engine's tables are of Camunda "
                + minor
                + ", which has patch-level update scripts: upgrade them by hand as Camunda's update"
                + " guide says, then start again");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Connection connection, String script) {
    ClassPathResource resource = new ClassPathResource(script);
    if (!resource.exists()) {
      throw new IllegalStateException("The engine's jar has no script " + script);
    }
    LOG.info("Engine schema: running {}", script);
    ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, StandardCharsets.UTF_8));
  }

  /** The newest version the schema log records (each create and upgrade script adds a row). */
  private static Version versionOf(Connection connection) throws SQLException {
    Version newest = null;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG")) {
      while (rows.next()) {
        Version version = Version.of(rows.getString(1));
        if (newest == null || version.compareTo(newest) > 0) {
          newest = version;
        }
      }
    }
    if (newest == null) {
      throw new IllegalStateException("The engine's schema log ACT_GE_SCHEMA_LOG is empty");
    }
    return newest;
  }

  private static boolean present(Connection connection, String table) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String name =
        metadata.storesLowerCaseIdentifiers()
            ? table.toLowerCase(Locale.ROOT)
            : table.toUpperCase(Locale.ROOT);
    try (ResultSet tables =
        metadata.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
      return tables.next();
    }
  }

  /** The engine's name for the database, as in its script names. */
  private static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "PostgreSQL" -> "postgres";
      case "H2" -> "h2";
      default ->
          throw new IllegalStateException(
              "The engine's schema step knows PostgreSQL and H2, not "
                  + product
                  + ": set camunda.bpm.database.schema-update=true to let the engine manage it");
    };
  }

  /** major.minor(.patch) of Camunda; the patch level does not matter to the scripts. */
  record Version(int major, int minor, int patch) implements Comparable<Version> {

    static Version of(String text) {
      String[] parts = text.trim().split("[.-]");
      try {
        return new Version(
            Integer.parseInt(parts[0]),
            Integer.parseInt(parts[1]),
            parts.length > 2 && parts[2].chars().allMatch(Character::isDigit)
                ? Integer.parseInt(parts[2])
                : 0);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Not a Camunda version: " + text, e);
      }
    }

    @Override
    public int compareTo(Version other) {
      int byMajor = Integer.compare(major, other.major);
      if (byMajor != 0) {
        return byMajor;
      }
      int byMinor = Integer.compare(minor, other.minor);
      return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch;
    }
  }
}
