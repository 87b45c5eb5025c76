package org.hotline12345.security;

import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.system.DatabaseHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "logins": refused logins in the last 15 minutes, how many
 * accounts are locked now, and the longest a lock lasts (details for administrators). It stays UP
 * during an attack, so that no one takes the application out of a load balancer by typing wrong
 * passwords; which accounts are attacked is in the log, not here.
 */
@Component("loginsHealthIndicator")
class LoginHealth implements HealthIndicator {

  private final FailedLogins failures;
  private final DatabaseHealth database;
  private final ProcessEngine engine;

  LoginHealth(FailedLogins failures, DatabaseHealth database, ProcessEngine engine) {
    this.failures = failures;
    this.database = database;
    this.engine = engine;
  }

  @Override
  public Health health() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Health.Builder health =
        Health.up()
            .withDetail("failedLast15Minutes", failures.inWindow())
            .withDetail("longestLockSeconds", configuration.getLoginDelayMaxTime());
    try {
      // Camunda's user table: the engine's lock is a time in LOCK_EXP_TIME_ on its clock. Read
      // with the health check's short timeouts, so that the health endpoint answers when the
      // database is gone.
      Long locked =
          database
              .jdbc()
              .queryForObject(
                  "SELECT COUNT(*) FROM ACT_ID_USER WHERE LOCK_EXP_TIME_ > ?",
                  Long.class,
                  new Timestamp(ClockUtil.getCurrentTime().getTime()));
      return health.withDetail("lockedAccounts", locked).build();
    } catch (DataAccessException databaseGone) {
      // The component "database" says DOWN; logins themselves are not the problem.
      return health.unknown().withDetail("lockedAccounts", "database unreachable").build();
    }
  }
}
