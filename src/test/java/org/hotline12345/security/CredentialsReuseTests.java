package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.organisation.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A verified staff identity and its groups are reused for at most 30 seconds instead of checking
 * the password on every request: a password change and a removal from a group take effect within
 * that time, and a refused login ends the reuse at once, so the lock after a wrong password holds
 * as before. The engine's clock is moved instead of waiting.
 */
@HotlineSpringTest
class CredentialsReuseTests {

  private static final String USER = "heating1";
  private static final long REUSE_MS = 30_000;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired StaffCredentials credentials;
  Instant now = Instant.parse("2026-12-01T02:00:00Z");

  @BeforeEach
  void onAFixedClock() {
    ClockUtil.setCurrentTime(Date.from(now));
    identity.unlockUser(USER);
    // Each test starts its clock at the same instant: nothing verified by another test is reused.
    credentials.forget(USER);
  }

  @AfterEach
  void demoAgain() {
    ClockUtil.reset();
    setPassword("demo");
    if (identity.createUserQuery().userId(USER).memberOfGroup(Units.HEATING).count() == 0) {
      identity.createMembership(USER, Units.HEATING);
    }
    identity.unlockUser(USER);
  }

  @Test
  void aChangedPasswordStopsWorkingWithinTheReuseTime() {
    ApiClient old = ApiClient.as(port, USER);
    assertThat(old.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(old.get("/api/catalog").status()).isEqualTo(200);

    setPassword("Neues-Passwort-2026");
    moveClock(REUSE_MS - 1_000);
    assertThat(old.get("/engine-rest/task?maxResults=1").status())
        .as("reused, within 30 s of the check")
        .isEqualTo(200);
    moveClock(2_000);

    assertThat(old.get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    assertThat(old.get("/api/catalog").status()).isEqualTo(401);
    moveClock(61_000); // past the lock the two refused logins above set
    ApiClient changed = ApiClient.as(port, USER, "Neues-Passwort-2026");
    assertThat(changed.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
  }

  @Test
  void aRemovalFromTheUnitTakesEffectWithinTheReuseTime() {
    ApiClient member = ApiClient.as(port, USER);
    String filter = "/engine-rest/task/count?candidateGroups=" + Units.HEATING;
    assertThat(member.get("/engine-rest/group?member=" + USER).json().toString())
        .contains(Units.HEATING);

    identity.deleteMembership(USER, Units.HEATING);
    moveClock(REUSE_MS + 1_000);

    assertThat(member.get("/engine-rest/group?member=" + USER).json().toString())
        .doesNotContain(Units.HEATING);
    assertThat(member.get(filter).status()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordEndsTheReuseSoTheLockHolds() {
    ApiClient owner = ApiClient.as(port, USER);
    assertThat(owner.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);

    assertThat(ApiClient.as(port, USER, "wrong").get("/api/catalog").status()).isEqualTo(401);

    assertThat(owner.get("/engine-rest/task?maxResults=1").status())
        .as("locked for 3 s after the wrong password, although the right one was just checked")
        .isEqualTo(401);
    moveClock(61_000);
    assertThat(owner.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
  }

  @Test
  void aBasicHeaderWithAnythingAfterItsBase64IsRefused() {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((USER + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String junk : new String[] {"AAAA", "==", "!"}) {
      assertThat(
              new ApiClient(port)
                  .with("Authorization", "Basic " + basic + junk)
                  .get("/engine-rest/task?maxResults=1")
                  .status())
          .as(junk)
          .isEqualTo(401);
    }
  }

  private void setPassword(String password) {
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  private void moveClock(long millis) {
    now = now.plusMillis(millis);
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
