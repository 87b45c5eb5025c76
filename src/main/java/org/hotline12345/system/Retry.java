package org.hotline12345.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Predicate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Tries a start-up step again while the database fails, waiting twice as long each time up to
 * {@code longestWait}, and gives up after {@code giveUpAfter} with the step and the last reason in
 * the exception. Any other failure ends the start at once, also with the step named: a start never
 * ends without saying why.
 */
record Retry(Duration firstWait, Duration longestWait, Duration giveUpAfter) {

  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** A step that may fail with any exception. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws Exception;
  }

  <T> T run(String what, Step<T> step, Predicate<Throwable> worthRetrying) {
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    Duration wait = firstWait;
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run();
      } catch (Exception failed) {
        if (!worthRetrying.test(failed)) {
          throw new IllegalStateException(what + " failed: " + reason(failed), failed);
        }
        if (System.nanoTime() + wait.toNanos() > deadline) {
          throw new IllegalStateException(
              what
                  + " did not succeed in "
                  + attempt
                  + " tries over "
                  + giveUpAfter
                  + "; the application stops without serving requests. Last failure: "
                  + reason(failed),
              failed);
        }
        LOG.warn("{} failed (try {}), trying again in {}: {}", what, attempt, wait, reason(failed));
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(longestWait) > 0 ? longestWait : wait.multipliedBy(2);
      }
    }
  }

  /**
   * The database failed: unreachable, refused, a duplicate key or an outdated row because another
   * node did the same work at the same moment. Trying again finds the database back or the work
   * done.
   */
  static boolean databaseFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException
          || cause instanceof DataAccessException
          || cause instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database cannot be reached yet (refused, timed out, still starting up). Anything else, such
   * as a script that fails, is not made right by waiting.
   */
  static boolean databaseUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P03: the database system is starting up (PostgreSQL).
        if (state.startsWith("08") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String reason(Throwable failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    return deepest == failure
        ? String.valueOf(failure)
        : failure.getClass().getSimpleName() + " caused by " + deepest;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to try again", e);
    }
  }
}
