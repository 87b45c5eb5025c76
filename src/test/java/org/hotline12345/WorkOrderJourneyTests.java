package org.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.ChannelKeys;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application, driven over HTTP as its users drive it: an outside channel registers a
 * request through the intake API, then each demo user finds the order's task for their group in the
 * engine REST API (what Tasklist calls), claims it and submits its form, until the order is closed
 * and its history readable.
 */
@HotlineSpringTest
class WorkOrderJourneyTests {

  @LocalServerPort int port;
  @Autowired ChannelKeys channelKeys;
  ApiClient http;

  @BeforeEach
  void client() {
    http = ApiClient.as(port, "demo");
  }

  @Test
  void orderRegisteredByAChannelIsWorkedByEachDemoUserToClosure() {
    ApiClient wechat = ApiClient.withKey(port, channelKeys.issue("WECHAT", "微信公众号", "demo").key());
    Answer registered =
        wechat.post(
            "/api/work-orders",
            Map.of(
                "channel",
                "WECHAT",
                "callerName",
                "李四",
                "phone",
                TestPhones.unique(),
                "enterprise",
                false,
                "district",
                "RANGHULU",
                "address",
                "让胡路区西宾路 9 号",
                "type",
                "HELP",
                "category",
                "WATER_SUPPLY",
                "content",
                "小区停水超过24小时还没有恢复，麻煩帮助解决。"));
    assertThat(registered.status()).isEqualTo(201);
    String number = registered.json().path("number").asText();

    work(
        number,
        Elements.TASK_SIGN_WORK_ORDER,
        Units.WATER,
        "water1",
        Map.of(Vars.SIGN_NOTE, "供水公司已签收"));
    work(
        number,
        Elements.TASK_LEADER_INSTRUCTION,
        Units.leadersOf(Units.WATER),
        "waterLeader1",
        Map.of(Vars.LEADER_INSTRUCTION, "立即抢修，今天恢复供水"));
    work(
        number,
        Elements.TASK_HANDLE_WORK_ORDER,
        Units.WATER,
        "water1",
        Map.of(
            Vars.HANDLING_RESULT,
            "RESOLVED",
            Vars.REPLY_CONTENT,
            "管道抢修完毕，已恢复供水。",
            Vars.CITIZEN_CONTACTED,
            true));
    work(
        number,
        Elements.TASK_REVIEW_REPLY,
        Roles.REVIEWERS,
        "reviewer1",
        Map.of(Vars.REVIEW_DECISION, "ACCEPTED"));
    work(
        number,
        Elements.TASK_REVISIT_CITIZEN,
        Roles.REVISIT_AGENTS,
        "revisit1",
        Map.of(
            Vars.CITIZEN_REACHED,
            "REACHED",
            Vars.SATISFACTION,
            "SATISFIED",
            Vars.REVISIT_NOTE,
            "已恢复供水，表示满意"));

    Answer closed = http.get("/api/work-orders/" + number);
    assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.json().path("stageName").asText()).isEqualTo("已办结");
    assertThat(closed.json().path("outcome").path("result").asText()).isEqualTo("RESOLVED");
    assertThat(closed.json().path("outcome").path("satisfaction").asText()).isEqualTo("SATISFIED");
    assertThat(closed.json().path("deadlines").path("signedInTime").asBoolean()).isTrue();

    JsonNode history =
        http.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
            .json();
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
    String instanceId = history.get(0).path("id").asText();
    JsonNode tasks =
        http.get(
                "/engine-rest/history/task?processInstanceId="
                    + instanceId
                    + "&sortBy=endTime&sortOrder=asc")
            .json();
    assertThat(
            StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("assignee").asText()))
        .as("each step done by its own user")
        .containsExactly("water1", "waterLeader1", "water1", "reviewer1", "revisit1");
    JsonNode outcome =
        http.get(
                "/engine-rest/history/variable-instance?processInstanceId="
                    + instanceId
                    + "&variableName=outcome")
            .json();
    assertThat(outcome.get(0).path("value").asText()).isEqualTo("RESOLVED");
  }

  @Test
  void tasklistStartFormGivesTheOrderANumberAndAFormCheckFailureAnswers400() {
    ApiClient agent = ApiClient.as(port, "agent1");
    ApiClient medical = ApiClient.as(port, "medical1");
    Answer started =
        agent.post(
            "/engine-rest/process-definition/key/" + WorkOrderProcess.KEY + "/submit-form",
            Map.of(
                "businessKey",
                "made-up-by-the-client",
                "variables",
                typed(
                    Map.of(
                        Vars.CHANNEL,
                        "PHONE",
                        Vars.PHONE,
                        "0459-4661234",
                        Vars.DISTRICT,
                        "SAERTU",
                        Vars.REQUEST_TYPE,
                        "HELP",
                        Vars.CATEGORY,
                        "MEDICAL_OUT_OF_AREA",
                        Vars.CONTENT,
                        "异地就医备案提交后一直未审核，请帮忙催办",
                        Vars.ENTERPRISE,
                        false,
                        Vars.URGENT_MARKED,
                        false))));
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().path("businessKey").asText())
        .as("the client's key is replaced by a number")
        .matches("\\d{8}-\\d{6}");

    String number = started.json().path("businessKey").asText();
    JsonNode sign =
        tasks(medical, number, Units.MEDICAL_SECURITY, Elements.TASK_SIGN_WORK_ORDER).get(0);
    medical.post(
        "/engine-rest/task/" + sign.path("id").asText() + "/claim", Map.of("userId", "medical1"));
    medical.post(
        "/engine-rest/task/" + sign.path("id").asText() + "/submit-form",
        Map.of("variables", Map.of()));
    JsonNode handle =
        tasks(medical, number, Units.MEDICAL_SECURITY, Elements.TASK_HANDLE_WORK_ORDER).get(0);

    Answer refused =
        medical.post(
            "/engine-rest/task/" + handle.path("id").asText() + "/submit-form",
            Map.of("variables", typed(Map.of(Vars.HANDLING_RESULT, "RESOLVED"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText())
        .isEqualTo(Vars.REPLY_CONTENT);
    assertThat(tasks(medical, number, Units.MEDICAL_SECURITY, Elements.TASK_HANDLE_WORK_ORDER))
        .as("the task is still open")
        .hasSize(1);
  }

  @Test
  void tasklistStartWithABadFieldAnswers400AndStartsNothing() {
    Answer refused =
        ApiClient.as(port, "agent1")
            .post(
                "/engine-rest/process-definition/key/" + WorkOrderProcess.KEY + "/submit-form",
                Map.of(
                    "variables",
                    typed(
                        Map.of(
                            Vars.CHANNEL,
                            "PHONE",
                            Vars.PHONE,
                            TestPhones.unique(),
                            Vars.DISTRICT,
                            "SAERTU",
                            Vars.REQUEST_TYPE,
                            "CONSULTATION",
                            Vars.CATEGORY,
                            "OTHER",
                            Vars.CONTENT,
                            "长".repeat(4001)))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo(Vars.CONTENT);
  }

  /**
   * A user of {@code group} finds the order's task in the group's queue, claims it and submits its
   * form.
   */
  private void work(
      String number, String taskKey, String group, String user, Map<String, Object> form) {
    ApiClient staff = ApiClient.as(port, user);
    List<JsonNode> queue = tasks(staff, number, group, taskKey);
    assertThat(queue).as("%s sees the order in %s's queue", user, group).hasSize(1);
    JsonNode task = queue.get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(taskKey);
    String id = task.path("id").asText();
    assertThat(staff.post("/engine-rest/task/" + id + "/claim", Map.of("userId", user)).status())
        .isEqualTo(204);
    Answer submitted =
        staff.post("/engine-rest/task/" + id + "/submit-form", Map.of("variables", typed(form)));
    assertThat(submitted.status())
        .as("submitting %s: %s", taskKey, submitted.json())
        .isEqualTo(204);
  }

  private static List<JsonNode> tasks(
      ApiClient client, String number, String candidateGroup, String taskKey) {
    JsonNode tasks =
        client
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + number
                    + "&candidateGroup="
                    + candidateGroup
                    + "&taskDefinitionKey="
                    + taskKey
                    + "&includeAssignedTasks=true")
            .json();
    return StreamSupport.stream(tasks.spliterator(), false).toList();
  }

  /** Variables as the engine REST API takes them: {@code {"name": {"value": ...}}}. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
