package org.hotline12345.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;

/**
 * The probes as an orchestrator and an attacker see them: status alone without credentials, each
 * component's details only for administrators, and start-up work done before the port opens.
 */
@HotlineSpringTest
class ReadinessTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @ParameterizedTest(name = "{0} without credentials: 200, the status and no component")
  @ValueSource(
      strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
  void probesGetTheStatusAloneWithoutCredentials(String probe) {
    Answer answer = new ApiClient(port).get(probe);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("status").asText()).isEqualTo("UP");
    assertThat(fieldsOf(answer.json())).doesNotContain("components", "details");
  }

  @Test
  void administratorsSeeWhatEachComponentSays() {
    ApiClient admin = ApiClient.as(port, "demo");

    JsonNode health = admin.get("/actuator/health").json().path("components");
    assertThat(fieldsOf(health))
        .contains("database", "logins", "workingCalendar", "readinessState");
    assertThat(health.path("database").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("database").path("details").path("database").asText())
        .isIn("H2", "PostgreSQL");

    JsonNode readiness = admin.get("/actuator/health/readiness").json();
    assertThat(fieldsOf(readiness.path("components")))
        .as("ready: started, and the database answers")
        .containsExactlyInAnyOrder("readinessState", "database");
    JsonNode liveness = admin.get("/actuator/health/liveness").json();
    assertThat(fieldsOf(liveness.path("components")))
        .as("alive whatever the database does: a restart would not bring it back")
        .containsExactly("livenessState");
  }

  @Test
  void otherStaffSeeTheStatusAlone() {
    Answer answer = ApiClient.as(port, "agent1").get("/actuator/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(fieldsOf(answer.json())).contains("status").doesNotContain("components", "details");
  }

  @Test
  void wrongCredentialsAre401AndShowNothing() {
    Answer answer = ApiClient.as(port, "no-such-user", "guess").get("/actuator/health");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("title").asText()).isEqualTo("需要认证");
    assertThat(answer.json().toString()).doesNotContain("UP", "components", "database");
  }

  @Test
  void startUpWorkIsDoneBeforeTheWebServerOpensItsPort() {
    int webServer = context.getBean("webServerStartStop", SmartLifecycle.class).getPhase();
    assertThat(context.getBean(StartupWorkBeforeTraffic.class).getPhase()).isLessThan(webServer);

    List<String> runAfterThePortOpens =
        Stream.concat(
                Arrays.stream(context.getBeanNamesForType(ApplicationRunner.class)),
                Arrays.stream(context.getBeanNamesForType(CommandLineRunner.class)))
            .map(name -> ClassUtils.getUserClass(context.getType(name)).getName())
            .filter(name -> name.startsWith("org.hotline12345."))
            .toList();
    assertThat(runAfterThePortOpens)
        .as("a runner runs after the port opens: make it StartupWork")
        .isEmpty();
  }

  private static List<String> fieldsOf(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
