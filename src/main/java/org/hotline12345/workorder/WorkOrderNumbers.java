package org.hotline12345.workorder;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out work-order numbers citizens can quote: the day and a sequence within the day, such as
 * {@code 20261121-000042}. Each number is taken in its own committed transaction, so a number is
 * never given twice, even when the registration that took it fails afterwards (it then stays
 * unused).
 *
 * <p>That transaction runs on a small connection pool of its own ({@code
 * hotline.numbers.pool-size}), never on the application's: a registration already holds one of the
 * application's connections when it asks for a number, and with every pooled connection held by a
 * registration waiting for a second one, the pool would wait on itself until it timed out.
 */
@Service
public class WorkOrderNumbers implements DisposableBean {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int ATTEMPTS = 3;

  private final HikariDataSource pool;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public WorkOrderNumbers(
      DataSourceProperties database, @Value("${hotline.numbers.pool-size:2}") int poolSize) {
    this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("work-order-numbers");
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(0);
    this.jdbc = new JdbcTemplate(pool);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
  }

  /** The next number of {@code day}. */
  public String next(LocalDate day) {
    for (int attempt = 1; ; attempt++) {
      try {
        Long sequence = ownTransaction.execute(status -> increment(day));
        return format(day, sequence);
      } catch (DuplicateKeyException firstOfTheDayRace) {
        // Another registration created the day's counter at the same moment: count on from it.
        if (attempt == ATTEMPTS) {
          throw firstOfTheDayRace;
        }
      }
    }
  }

  private long increment(LocalDate day) {
    int updated =
        jdbc.update(
            "UPDATE work_order_number_counter SET last_value = last_value + 1 WHERE counter_day = ?",
            day);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO work_order_number_counter (counter_day, last_value) VALUES (?, 1)", day);
      return 1;
    }
    return jdbc.queryForObject(
        "SELECT last_value FROM work_order_number_counter WHERE counter_day = ?", Long.class, day);
  }

  static String format(LocalDate day, long sequence) {
    return DAY.format(day) + "-" + String.format("%06d", sequence);
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
