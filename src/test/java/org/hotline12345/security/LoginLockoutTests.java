package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.ShanghaiTime.at;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No anonymous caller can shut a unit out: wrong passwords lock an account for at most the
 * documented 60 seconds, however many there are, and every refused login is logged (user id, never
 * the password), counted and shown by the health component {@code logins}. The engine locks on its
 * own clock, which the tests move instead of waiting.
 */
@HotlineSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTests {

  private static final String USER = "water1";
  private static final String WRONG = "Wr0ng-Guess-4711";
  private static final long LONGEST_LOCK_MS = 60_000;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired MeterRegistry meters;
  @Autowired JdbcTemplate jdbc;
  @Autowired StaffCredentials credentials;

  @BeforeEach
  void startOnAWholeMinute() {
    identity.unlockUser(USER);
    ClockUtil.setCurrentTime(at("2026-12-01T10:00"));
  }

  @AfterEach
  void unlockAndResetClock() {
    ClockUtil.reset();
    identity.unlockUser(USER);
  }

  @Test
  void aHundredWrongPasswordsLockTheAccountOnlyUntilTheLongestDelayHasPassed(CapturedOutput log) {
    ApiClient attacker = ApiClient.as(port, USER, WRONG);
    ApiClient owner = ApiClient.as(port, USER);
    double wrongBefore = failures("wrong_password");
    double lockedBefore = failures("locked");

    // Each wrong password once the lock from the one before has run out, so that every one counts.
    for (int i = 0; i < 100; i++) {
      if (i > 0) {
        moveClock(LONGEST_LOCK_MS + 1_000);
      }
      assertThat(attacker.get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    }
    assertThat(attempts()).as("every wrong password counted").isEqualTo(100);

    assertThat(owner.get("/api/catalog").status())
        .as("locked right after the attack")
        .isEqualTo(401);
    ApiClient.Answer duringAttack = ApiClient.as(port, "demo").get("/actuator/health/logins");
    assertThat(duringAttack.json().path("status").asText()).isEqualTo("UP");
    assertThat(duringAttack.json().path("details").path("failedLast15Minutes").asLong())
        .as("one wrong password every 61 s: the attack's last 15 and the owner's refused login")
        .isEqualTo(16);
    long lockedDuringAttack = duringAttack.json().path("details").path("lockedAccounts").asLong();
    assertThat(lockedDuringAttack).isPositive();
    assertThat(duringAttack.json().path("details").path("longestLockSeconds").asLong())
        .isEqualTo(60);

    moveClock(LONGEST_LOCK_MS - 1_000);
    assertThat(owner.get("/api/catalog").status()).as("still locked at 59 s").isEqualTo(401);
    moveClock(2_000);
    assertThat(owner.get("/api/catalog").status()).as("usable again after 61 s").isEqualTo(200);
    assertThat(owner.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);

    assertThat(failures("wrong_password") - wrongBefore).isEqualTo(100);
    assertThat(failures("locked") - lockedBefore).as("the owner's two refused logins").isEqualTo(2);
    assertThat(health().path("lockedAccounts").asLong()).isEqualTo(lockedDuringAttack - 1);
    moveClock(16 * 60_000);
    assertThat(health().path("failedLast15Minutes").asLong())
        .as("the window has moved past the attack")
        .isZero();
    assertThat(log.getOut())
        .contains("Login refused: wrong password for user '" + USER + "'")
        .contains("Login refused: user '" + USER + "' is locked until")
        .doesNotContain(WRONG);
  }

  @Test
  void anAccountLockedForGoodUnderTheOldLimitLogsInAgain() {
    // Camunda's default locked an account for good after 10 wrong passwords.
    jdbc.update(
        "UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        10,
        new Timestamp(at("2026-12-01T09:00").getTime()),
        USER);
    // A right password verified moments ago would be reused without a check (StaffCredentials).
    credentials.forget(USER);

    assertThat(ApiClient.as(port, USER).get("/api/catalog").status()).isEqualTo(200);
    assertThat(attempts()).as("the right password clears the count").isZero();
  }

  @Test
  void aLoginAsAUserThatDoesNotExistIsCountedAndCannotForgeALogLine(CapturedOutput log) {
    double before = failures("unknown_user");

    assertThat(ApiClient.as(port, "nobody\nINFO forged", "x").get("/api/catalog").status())
        .isEqualTo(401);

    assertThat(failures("unknown_user") - before).isEqualTo(1);
    assertThat(log.getOut())
        .contains("Login refused: no user 'nobody?INFO?forged'")
        .doesNotContain("\nINFO forged");
  }

  private double failures(String outcome) {
    return meters.counter("hotline.login.failures", "outcome", outcome).count();
  }

  private com.fasterxml.jackson.databind.JsonNode health() {
    return ApiClient.as(port, "demo").get("/actuator/health/logins").json().path("details");
  }

  private Integer attempts() {
    return jdbc.queryForObject(
        "SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, USER);
  }

  private static void moveClock(long millis) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + millis));
  }
}
