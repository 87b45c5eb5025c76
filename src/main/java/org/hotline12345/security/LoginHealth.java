package org.hotline12345.security;

import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.system.DatabaseHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
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
    // Camunda's user table: the engine's lock is a time in LOCK_EXP_TIME_ on its clock. Read with
    // the health check's short timeouts, so that the health endpoint answers when the database is
    // gone.
    Long locked =
        database
            .jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM ACT_ID_USER WHERE LOCK_EXP_TIME_ > ?",
                Long.class,
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return Health.up()
        .withDetail("failedLast15Minutes", failures.inWindow())
        .withDetail("lockedAccounts", locked)
        .withDetail("longestLockSeconds", configuration.getLoginDelayMaxTime())
        .build();
  }
}
