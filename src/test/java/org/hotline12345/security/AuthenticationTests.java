package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody reaches the engine REST API or the hotline's API without valid credentials; outside
 * channels use API keys that an administrator issues and revokes, stored only as hashes.
 */
@HotlineSpringTest
class AuthenticationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest(name = "GET {0} without credentials: 401")
  @ValueSource(
      strings = {
        "/api/catalog",
        "/api/work-orders/20261121-000001",
        "/api/admin/channel-keys",
        "/engine-rest/task",
        "/engine-rest/process-instance",
        "/engine-rest/history/process-instance",
        "/engine-rest/history/variable-instance",
        "/engine-rest/engine",
        "/engine-rest/engine/"
      })
  void everyApiRefusesARequestWithoutCredentialsAndSaysNothingElse(String path) {
    Answer answer = new ApiClient(port).get(path);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().toString()).doesNotContain("workOrder", "13800138000", "unit");
  }

  @Test
  void theEngineListAnswersStaffOnly() {
    Answer staff = ApiClient.as(port, "auditor1").get("/engine-rest/engine");

    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.json().toString()).contains("default");
  }

  @Test
  void healthAnswersProbesWithTheStatusOnlyAndAdministratorsWithTheDetails() {
    Answer probe = new ApiClient(port).get("/actuator/health");
    assertThat(probe.status()).isEqualTo(200);
    assertThat(probe.json().path("status").asText()).isEqualTo("UP");
    assertThat(probe.body()).doesNotContain("components", "logins", "workingCalendar", "details");
    assertThat(new ApiClient(port).get("/actuator/health/logins").body())
        .doesNotContain("lockedAccounts", "failedLast15Minutes");

    Answer staff = ApiClient.as(port, "auditor1").get("/actuator/health");
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.body()).doesNotContain("lockedAccounts", "failedLast15Minutes");

    Answer administrator = ApiClient.as(port, "demo").get("/actuator/health");
    assertThat(administrator.status()).isEqualTo(200);
    assertThat(
            administrator
                .json()
                .path("components")
                .path("logins")
                .path("details")
                .has("lockedAccounts"))
        .isTrue();
  }

  /** Uses a user no other test logs in as: Camunda locks an account briefly after failed logins. */
  @Test
  void wrongPasswordsAndMadeUpKeysAre401() {
    assertThat(ApiClient.as(port, "owner1", "wrong").get("/api/catalog").status()).isEqualTo(401);
    assertThat(ApiClient.as(port, "owner1", "wrong").get("/engine-rest/task").status())
        .isEqualTo(401);
    assertThat(ApiClient.as(port, "owner1", "wrong").get("/actuator/health").status())
        .isEqualTo(401);
    assertThat(ApiClient.withKey(port, "hk_madeup").get("/api/catalog").status()).isEqualTo(401);
    assertThat(new ApiClient(port).post("/api/work-orders", request("WEB")).status())
        .isEqualTo(401);
  }

  @Test
  void anAdministratorIssuesAKeyTheChannelUsesItAndARevokedKeyIsRefused() {
    ApiClient admin = ApiClient.as(port, "demo");
    Answer issued =
        admin.post("/api/admin/channel-keys", Map.of("channel", "WEB", "label", "市政府门户网站"));
    assertThat(issued.status()).isEqualTo(201);
    String key = issued.json().path("key").asText();
    String id = issued.json().path("id").asText();
    ApiClient portal = ApiClient.withKey(port, key);

    Answer registered = portal.post("/api/work-orders", request("WEB"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(portal.get(registered.location()).status())
        .as("the channel follows its own order")
        .isEqualTo(200);
    assertThat(portal.post("/api/work-orders", request("WECHAT")).status())
        .as("a key registers only its own channel's requests")
        .isEqualTo(403);

    assertThat(admin.get("/api/admin/channel-keys").json().toString())
        .as("the list never shows a key")
        .contains(id)
        .doesNotContain(key);
    assertThat(
            jdbc.queryForObject(
                "SELECT key_hash FROM intake_channel_key WHERE id = ?", String.class, id))
        .as("only a hash is stored")
        .hasSize(64)
        .doesNotContain(key);

    assertThat(admin.delete("/api/admin/channel-keys/" + id).status()).isEqualTo(204);
    assertThat(portal.post("/api/work-orders", request("WEB")).status()).isEqualTo(401);
    assertThat(portal.get("/api/catalog").status()).isEqualTo(401);
  }

  @Test
  void aChannelCannotReadAnotherChannelsOrder() {
    ApiClient admin = ApiClient.as(port, "demo");
    ApiClient web =
        ApiClient.withKey(
            port,
            admin
                .post("/api/admin/channel-keys", Map.of("channel", "WEB", "label", "门户"))
                .json()
                .path("key")
                .asText());
    ApiClient app =
        ApiClient.withKey(
            port,
            admin
                .post("/api/admin/channel-keys", Map.of("channel", "APP", "label", "移动客户端"))
                .json()
                .path("key")
                .asText());

    Answer registered = web.post("/api/work-orders", request("WEB"));

    assertThat(app.get(registered.location()).status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsManageKeysAndOnlyAgentsAndChannelsRegister() {
    assertThat(
            ApiClient.as(port, "agent1")
                .post("/api/admin/channel-keys", Map.of("channel", "WEB", "label", "x"))
                .status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "fund1").post("/api/work-orders", request("PHONE")).status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "agent1").post("/api/work-orders", request("PHONE")).status())
        .isEqualTo(201);
  }

  private static Map<String, Object> request(String channel) {
    Map<String, Object> request = IntakeRequests.phoneCall("CONSULTATION", "HOUSING_FUND_BALANCE");
    request.put("channel", channel);
    return request;
  }
}
