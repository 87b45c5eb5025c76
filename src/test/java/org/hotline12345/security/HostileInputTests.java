package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.workorder.WorkOrderProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each class of hostile input gets a clear 4xx and changes nothing; text is kept as sent, as data.
 */
@HotlineSpringTest
class HostileInputTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  ApiClient agent;

  @BeforeEach
  void asAnAgent() {
    agent = ApiClient.as(port, "agent1");
  }

  @Test
  void anOversizedBodyIs413AndStartsNothing() {
    long before = orders();
    Answer answer =
        agent.post("/api/work-orders", "{\"content\": \"" + "x".repeat(200_000) + "\"}");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().path("title").asText()).isEqualTo("请求过大");
    assertThat(orders()).isEqualTo(before);
  }

  @Test
  void wrongTypesAndUnknownFieldsAre400AndStartNothing() {
    long before = orders();
    assertThat(agent.post("/api/work-orders", "{\"content\": [\"停水\"]}").status()).isEqualTo(400);
    assertThat(agent.post("/api/work-orders", "{\"content\": {\"$where\": \"1\"}}").status())
        .isEqualTo(400);
    assertThat(
            agent
                .post("/api/work-orders", "{\"content\": \"停水\", \"status\": \"CLOSED\"}")
                .status())
        .isEqualTo(400);
    assertThat(agent.post("/api/work-orders", "[]").status()).isEqualTo(400);
    assertThat(agent.post("/api/work-orders", "not json at all").status()).isEqualTo(400);
    assertThat(orders()).isEqualTo(before);
  }

  @Test
  void scriptInATextFieldIsStoredExactlyAsSentAndAnsweredAsJson() {
    String script = "<script>alert('xss')</script><img src=x onerror=alert(1)> **粗体**";
    Map<String, Object> request = IntakeRequests.phoneCall("COMPLAINT", "NOISE");
    request.put("content", script);
    request.put("address", script);

    Answer created = agent.post("/api/work-orders", request);

    assertThat(created.status()).isEqualTo(201);
    String instance =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(created.json().path("number").asText())
            .list()
            .get(0)
            .getProcessInstanceId();
    assertThat(runtime.getVariable(instance, WorkOrderProcess.Vars.CONTENT)).isEqualTo(script);
    assertThat(agent.get("/api/work-orders/" + created.json().path("number").asText()).status())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "GET {0} is a 4xx")
  @ValueSource(
      strings = {
        "/api/work-orders/..%2F..%2Fetc%2Fpasswd",
        "/api/work-orders/20261121-000001%00",
        "/api/work-orders/%3Cscript%3E",
        "/engine-rest/task/..%2F..%2Fdeployment",
        "/engine-rest/process-instance/%27%20OR%201=1--"
      })
  void pathTraversalAndInjectionInIdsAreRefused(String path) {
    int status = agent.get(path).status();
    assertThat(status).isBetween(400, 499);
  }

  @Test
  void revokingAKeyWithATraversalIdChangesNothing() {
    ApiClient admin = ApiClient.as(port, "demo");
    String key =
        admin
            .post("/api/admin/channel-keys", Map.of("channel", "APP", "label", "客户端"))
            .json()
            .path("key")
            .asText();

    assertThat(admin.delete("/api/admin/channel-keys/..%2F..%2F*").status()).isBetween(400, 404);
    assertThat(admin.delete("/api/admin/channel-keys/' OR '1'='1".replace(" ", "%20")).status())
        .isEqualTo(404);
    assertThat(ApiClient.withKey(port, key).get("/api/catalog").status())
        .as("the key still works")
        .isEqualTo(200);
  }

  private long orders() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();
  }
}
