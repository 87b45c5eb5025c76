package org.hotline12345;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty PostgreSQL database of a test's own, on the server the suite runs on ({@code
 * HOTLINE_TEST_DB_URL}, named after the suite's database), dropped when closed: for tests that need
 * an empty database or an old one, and leave the suite's own alone.
 */
public final class FreshDatabase implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

  private final String server;
  private final String name;
  private final String parameters;

  private FreshDatabase(String server, String name, String parameters) {
    this.server = server;
    this.name = name;
    this.parameters = parameters;
  }

  /** True when the suite runs on PostgreSQL ({@code -Dtest.profiles=postgres,test}). */
  public static boolean postgresSuite() {
    return System.getProperty("spring.profiles.active", "").contains("postgres");
  }

  public static FreshDatabase create(String purpose) {
    String suite =
        System.getenv()
            .getOrDefault("HOTLINE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hotline_test");
    Matcher url = URL.matcher(suite);
    if (!url.matches()) {
      throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + suite);
    }
    String name = url.group(2) + "_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    FreshDatabase database =
        new FreshDatabase(url.group(1), name, url.group(3) == null ? "" : url.group(3));
    database.onServer("CREATE DATABASE " + name);
    return database;
  }

  public String url() {
    return server + name + parameters;
  }

  /** The same database through another host and port (a relay in front of the server). */
  public String urlThrough(String hostAndPort) {
    return url()
        .replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://" + hostAndPort + "/");
  }

  public static String user() {
    return System.getenv().getOrDefault("HOTLINE_DB_USER", "postgres");
  }

  public static String password() {
    return System.getenv().getOrDefault("HOTLINE_DB_PASSWORD", "");
  }

  /** A connection pool of its own, as one node has; the caller closes it. */
  public HikariDataSource newPool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url());
    pool.setUsername(user());
    pool.setPassword(password());
    pool.setMaximumPoolSize(3);
    return pool;
  }

  @Override
  public void close() {
    onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void onServer(String sql) {
    try (Connection connection =
            DriverManager.getConnection(server + "postgres" + parameters, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
