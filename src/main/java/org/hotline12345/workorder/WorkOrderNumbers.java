package org.hotline12345.workorder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out work-order numbers citizens can quote: the day and a sequence within the day, such as
 * {@code 20261121-000042}. Each number is taken in its own committed transaction, so a number is
 * never given twice, even when the registration that took it fails afterwards (it then stays
 * unused).
 */
@Service
public class WorkOrderNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int ATTEMPTS = 3;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public WorkOrderNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
}
