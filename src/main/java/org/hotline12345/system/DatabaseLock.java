package org.hotline12345.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A lock every node of the hotline sees: a PostgreSQL advisory lock held by a transaction of its
 * own, so it ends with that transaction, also when the node dies or loses its connection. On H2, an
 * embedded database one process owns, there is nobody to wait for.
 */
final class DatabaseLock implements AutoCloseable {

  private final Connection connection;

  private DatabaseLock(Connection connection) {
    this.connection = connection;
  }

  /** Waits until no other node holds the lock {@code key}, then holds it until {@link #close}. */
  static DatabaseLock take(DataSource dataSource, long key) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      if (!isPostgres(connection)) {
        connection.close();
        return new DatabaseLock(null);
      }
      connection.setAutoCommit(false);
      lock(connection, key);
      return new DatabaseLock(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Takes the lock {@code key} for the transaction that {@code connection} has open. */
  static void lock(Connection connection, long key) throws SQLException {
    if (isPostgres(connection)) {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        statement.setLong(1, key);
        statement.execute();
      }
    }
  }

  static boolean isPostgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  /** Ends the lock's transaction; if the connection is gone, the database has ended it already. */
  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try (connection) {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException gone) {
      // Ended with the connection: PostgreSQL releases a transaction's locks when it ends.
    }
  }
}
