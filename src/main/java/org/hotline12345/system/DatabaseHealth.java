package org.hotline12345.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "database", part of the readiness probe: DOWN within seconds
 * when the database is gone, refuses connections or stops answering, and UP again as soon as it is
 * back. It has a connection of its own (pool {@code health}, one connection) with short timeouts
 * ({@code hotline.health.database-timeout}, 2 s): the application's pool waits up to 30 s for a
 * connection, longer than any probe waits, and a busy pool does not mean the database is gone.
 * Other health checks that read the database use {@link #jdbc()} for the same reason.
 */
@Component("databaseHealthIndicator")
public class DatabaseHealth implements HealthIndicator, DisposableBean {

  private final HikariDataSource pool;
  private final JdbcTemplate jdbc;
  private final int timeoutSeconds;

  DatabaseHealth(
      DataSourceProperties database,
      @Value("${hotline.health.database-timeout:2s}") Duration timeout) {
    this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("health");
    pool.setMaximumPoolSize(1);
    pool.setMinimumIdle(0);
    pool.setConnectionTimeout(timeout.toMillis());
    pool.setValidationTimeout(Math.min(timeout.toMillis(), 1_000));
    // The application starts (and says it is not ready) while the database is gone.
    pool.setInitializationFailTimeout(-1);
    this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    this.jdbc = new JdbcTemplate(pool);
    jdbc.setQueryTimeout(timeoutSeconds);
  }

  @Override
  public Health health() {
    long started = System.nanoTime();
    Connection connection = null;
    try {
      connection = pool.getConnection();
      if (!connection.isValid(timeoutSeconds)) {
        throw new SQLException("no answer within " + timeoutSeconds + " s");
      }
      Health up =
          Health.up()
              .withDetail("database", connection.getMetaData().getDatabaseProductName())
              .withDetail("answeredInMs", (System.nanoTime() - started) / 1_000_000)
              .build();
      connection.close();
      return up;
    } catch (SQLException e) {
      // A connection that failed once is not offered to the next check: it may be to a database
      // that has since come back.
      if (connection != null) {
        pool.evictConnection(connection);
      }
      return Health.down()
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }

  /** Reads the database with the health check's short timeouts. */
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
