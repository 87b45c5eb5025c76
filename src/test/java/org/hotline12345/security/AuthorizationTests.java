package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.OrderSteps;
import org.hotline12345.organisation.Roles;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: a unit's staff reach only their own unit's tasks and orders; an auditor reads
 * everything and changes nothing.
 */
@HotlineSpringTest
class AuthorizationTests {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired RuntimeService runtime;

  String number;
  String processInstanceId;
  String signTaskId;

  @BeforeEach
  void anOrderForTheWaterUtility() {
    Answer registered =
        ApiClient.as(port, "agent1")
            .post("/api/work-orders", IntakeRequests.phoneCall("HELP", "WATER_SUPPLY"));
    number = registered.json().path("number").asText();
    Task sign =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey(Elements.TASK_SIGN_WORK_ORDER)
            .singleResult();
    signTaskId = sign.getId();
    processInstanceId = sign.getProcessInstanceId();
  }

  @Test
  void theGrantsOfAnOrderEndWithItAndItsUnitStillReadsItThroughTheApi() {
    ApiClient water = ApiClient.as(port, "water1");
    assertThat(grantsOn(processInstanceId)).as("granted at dispatch").isPositive();

    new OrderSteps(tasks, runtime).closed(number);

    assertThat(grantsOn(processInstanceId)).as("no grant outlives the order").isZero();
    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()) {
      assertThat(grantsOn(task.getId())).as(task.getTaskDefinitionKey()).isZero();
    }
    Answer own = water.get("/api/work-orders/" + number);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(ApiClient.as(port, "waterLeader1").get("/api/work-orders/" + number).status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, "heating1").get("/api/work-orders/" + number).status())
        .isEqualTo(404);
    assertThat(
            ApiClient.as(port, "auditor1")
                .get(
                    "/engine-rest/history/process-instance?processDefinitionKey=workOrder"
                        + "&processInstanceBusinessKey="
                        + number)
                .json())
        .as("auditors read every closed order")
        .hasSize(1);
  }

  private long grantsOn(String resourceId) {
    return authorizations.createAuthorizationQuery().resourceId(resourceId).count();
  }

  @Test
  void anotherUnitCannotListReadClaimOrCompleteTheTaskNorReadTheOrder() {
    ApiClient heating = ApiClient.as(port, "heating1");

    assertThat(heating.get("/engine-rest/task?processInstanceBusinessKey=" + number).json())
        .isEmpty();
    assertThat(heating.get("/engine-rest/task/" + signTaskId).status()).isIn(403, 404);
    assertThat(
            heating
                .post("/engine-rest/task/" + signTaskId + "/claim", Map.of("userId", "heating1"))
                .status())
        .isIn(403, 404);
    assertThat(heating.post("/engine-rest/task/" + signTaskId + "/complete", Map.of()).status())
        .isIn(403, 404);
    assertThat(
            heating
                .get("/engine-rest/process-instance/" + processInstanceId + "/variables")
                .status())
        .isIn(403, 404);
    assertThat(
            heating
                .get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
                .json())
        .isEmpty();
    assertThat(heating.get("/api/work-orders/" + number).status()).isEqualTo(404);

    Task unchanged = tasks.createTaskQuery().taskId(signTaskId).singleResult();
    assertThat(unchanged).as("the order still waits for the water utility").isNotNull();
    assertThat(unchanged.getAssignee()).isNull();
  }

  @Test
  void theUnitTheOrderWasDispatchedToSeesAndWorksIt() {
    ApiClient water = ApiClient.as(port, "water1");

    assertThat(water.get("/engine-rest/task?processInstanceBusinessKey=" + number).json())
        .hasSize(1);
    assertThat(water.get("/api/work-orders/" + number).json().path("unit").asText())
        .isEqualTo("unitWater");
    assertThat(
            water
                .get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
                .json())
        .hasSize(1);
    assertThat(
            water
                .post("/engine-rest/task/" + signTaskId + "/claim", Map.of("userId", "water1"))
                .status())
        .isEqualTo(204);
  }

  @Test
  void anAuditorReadsHistoryAndChangesNothing() {
    ApiClient auditor = ApiClient.as(port, "auditor1");

    JsonNode found =
        auditor
            .get(
                "/engine-rest/history/process-instance?processDefinitionKey=workOrder"
                    + "&processInstanceBusinessKey="
                    + number)
            .json();
    assertThat(found).hasSize(1);
    assertThat(
            auditor
                .get(
                    "/engine-rest/history/process-instance?processDefinitionKey=handlingEscalation"
                        + "&processInstanceBusinessKey="
                        + number)
                .json())
        .as("and the signing step's escalation ladder")
        .hasSize(1);
    assertThat(
            auditor
                .get(
                    "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId)
                .json())
        .isNotEmpty();
    assertThat(auditor.get("/api/work-orders/" + number).status()).isEqualTo(200);

    assertThat(auditor.post("/engine-rest/task/" + signTaskId + "/complete", Map.of()).status())
        .isEqualTo(403);
    assertThat(
            auditor
                .post("/engine-rest/task/" + signTaskId + "/claim", Map.of("userId", "auditor1"))
                .status())
        .isEqualTo(403);
    assertThat(
            auditor
                .put(
                    "/engine-rest/process-instance/" + processInstanceId + "/variables/unit",
                    "{\"value\": \"unitHeating\", \"type\": \"String\"}")
                .status())
        .isEqualTo(403);
    assertThat(auditor.delete("/engine-rest/process-instance/" + processInstanceId).status())
        .isEqualTo(403);
    assertThat(
            auditor.delete("/engine-rest/history/process-instance/" + processInstanceId).status())
        .isEqualTo(403);

    assertThat(tasks.createTaskQuery().taskId(signTaskId).singleResult())
        .as("still open, unassigned")
        .isNotNull();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName("unit")
                .singleResult()
                .getValue())
        .isEqualTo("unitWater");
  }

  @Test
  void auditorsHaveCockpitButNoTasklistAndUnitsHaveTasklistButNoCockpit() {
    assertThat(canAccess("auditor1", Roles.AUDITORS, "cockpit")).isTrue();
    assertThat(canAccess("auditor1", Roles.AUDITORS, "tasklist")).isFalse();
    assertThat(canAccess("water1", "unitWater", "tasklist")).isTrue();
    assertThat(canAccess("water1", "unitWater", "cockpit")).isFalse();
  }

  private boolean canAccess(String user, String group, String application) {
    return authorizations.isUserAuthorized(
        user, List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
  }
}
