package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.ApiClient.Part;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.OrderSteps;
import org.hotline12345.WebappSession;
import org.hotline12345.escalation.OrderSupervisionProcess;
import org.hotline12345.organisation.Units;
import org.hotline12345.privacy.CitizenContacts;
import org.hotline12345.privacy.PersonalData;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Over real HTTP, as an attacker sends it: people who must only read cannot write, nobody (an
 * administrator included) deletes or rewrites a work order or its history, variables come only from
 * a form step's own fields, and comments and attachments belong to the people working the task.
 * Each refusal is checked with what it leaves behind: the data read back unchanged.
 */
@HotlineSpringTest
class RecordGuardTests {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
  private static final String HTML = "<html><body><script>alert('篡改')</script></body></html>";

  /** What {@code PUT /task/{id}} sets, as Tasklist sends it. */
  private static final List<String> UPDATABLE_TASK_ATTRIBUTES =
      List.of(
          "name",
          "description",
          "priority",
          "assignee",
          "owner",
          "delegationState",
          "due",
          "followUp",
          "parentTaskId",
          "caseInstanceId",
          "tenantId");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired CitizenContacts contacts;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  OrderSteps steps;

  String number;
  String instance;
  String signTaskId;
  String phone;

  @BeforeEach
  void anOrderForTheWaterUtility() {
    steps = new OrderSteps(tasks, runtime);
    Map<String, Object> call = IntakeRequests.phoneCall("HELP", "WATER_SUPPLY");
    phone = (String) call.get("phone");
    number =
        ApiClient.as(port, "agent1").post("/api/work-orders", call).json().path("number").asText();
    Task sign = steps.openTask(number, Elements.TASK_SIGN_WORK_ORDER);
    signTaskId = sign.getId();
    instance = sign.getProcessInstanceId();
  }

  @AfterEach
  void noOneLoggedInOnThisThread() {
    identity.clearAuthentication();
  }

  @Test
  void auditorsAndReviewersCannotCommentOrAttachNotEvenOnAClosedOrder() {
    for (String reader : List.of("auditor1", "reviewer1")) {
      ApiClient client = ApiClient.as(port, reader);
      assertRefused(comment(client, signTaskId, "审计意见：此单已核实"));
      assertRefused(attach(client, signTaskId, "核查.pdf", "application/pdf", PDF));
    }

    steps.closed(number);
    for (String reader : List.of("auditor1", "reviewer1")) {
      ApiClient client = ApiClient.as(port, reader);
      assertRefused(comment(client, signTaskId, "补充意见"));
      assertRefused(attach(client, signTaskId, "补充.pdf", "application/pdf", PDF));
    }

    assertThat(tasks.getTaskComments(signTaskId)).as("no comment stored").isEmpty();
    assertThat(tasks.getTaskAttachments(signTaskId)).as("no attachment stored").isEmpty();
  }

  @Test
  void theUnitWorkingTheTaskAddsACommentAndAPdfButNoHtmlNorALink() {
    ApiClient water = ApiClient.as(port, "water1");

    Answer comment = comment(water, signTaskId, "已联系诉求人，明早上门");
    Answer pdf = attach(water, signTaskId, "现场照片说明.pdf", "application/pdf", PDF);
    Answer html = attach(water, signTaskId, "说明.html", "text/html", bytes(HTML));
    Answer htmlAsPdf = attach(water, signTaskId, "说明.pdf", "application/pdf", bytes(HTML));
    Answer link =
        water.postMultipart(
            "/engine-rest/task/" + signTaskId + "/attachment/create",
            List.of(
                Part.field("attachment-name", "说明"),
                Part.field("attachment-type", "application/pdf"),
                Part.field("url", "javascript:alert(1)")));

    assertThat(comment.status()).isEqualTo(200);
    assertThat(pdf.status()).isEqualTo(200);
    assertRefused(html);
    assertThat(html.json().path("message").asText()).contains(".pdf", ".docx", ".jpg");
    assertRefused(htmlAsPdf);
    assertRefused(link);
    assertThat(tasks.getTaskComments(signTaskId))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getFullMessage()).isEqualTo("已联系诉求人，明早上门");
              assertThat(c.getUserId()).isEqualTo("water1");
            });
    assertThat(tasks.getTaskAttachments(signTaskId))
        .extracting(Attachment::getName)
        .containsExactly("现场照片说明.pdf");
  }

  @Test
  void nobodyDeletesOrRewritesAnAttachmentOrACommentNotEvenItsAuthor() throws IOException {
    ApiClient water = ApiClient.as(port, "water1");
    String attachmentId =
        attach(water, signTaskId, "现场.pdf", "application/pdf", PDF).json().path("id").asText();
    String commentId = comment(water, signTaskId, "已到现场").json().path("id").asText();

    for (String user : List.of("auditor1", "heating1", "water1", "demo")) {
      Answer deleted =
          ApiClient.as(port, user)
              .delete("/engine-rest/task/" + signTaskId + "/attachment/" + attachmentId);
      assertThat(deleted.status())
          .as("%s deletes the attachment: %s", user, deleted.body())
          .isEqualTo(403);
    }
    assertRefused(water.delete("/engine-rest/task/" + signTaskId + "/comment/" + commentId));
    assertRefused(
        water.put(
            "/engine-rest/task/" + signTaskId + "/comment",
            "{\"id\": \"" + commentId + "\", \"message\": \"改过的备注\"}"));
    assertRefused(
        ApiClient.as(port, "demo").delete("/engine-rest/task/" + signTaskId + "/comment"));

    try (InputStream content = tasks.getTaskAttachmentContent(signTaskId, attachmentId)) {
      assertThat(content.readAllBytes()).as("the file is still there, unchanged").isEqualTo(PDF);
    }
    assertThat(tasks.getTaskComment(signTaskId, commentId).getFullMessage()).isEqualTo("已到现场");
  }

  @Test
  void anotherUnitReadsNeitherTheFileNorTheComment() {
    ApiClient water = ApiClient.as(port, "water1");
    String secret = "诉求人家住三单元502，钥匙在门卫";
    String attachmentId =
        attach(water, signTaskId, "地址.pdf", "application/pdf", bytes("%PDF-1.4 " + secret))
            .json()
            .path("id")
            .asText();
    String commentId = comment(water, signTaskId, secret).json().path("id").asText();
    ApiClient heating = ApiClient.as(port, "heating1");

    Answer data =
        heating.get(
            "/engine-rest/task/" + signTaskId + "/attachment/" + attachmentId + "/data", "*/*");
    Answer attachment =
        heating.get("/engine-rest/task/" + signTaskId + "/attachment/" + attachmentId);
    Answer comment = heating.get("/engine-rest/task/" + signTaskId + "/comment/" + commentId);

    for (Answer refused : List.of(data, attachment, comment)) {
      assertRefused(refused);
      assertThat(refused.body()).doesNotContain(secret, "地址.pdf");
    }
    assertThat(
            water
                .get("/engine-rest/task/" + signTaskId + "/comment/" + commentId)
                .json()
                .path("message")
                .asText())
        .as("the unit reads its own comment")
        .isEqualTo(secret);
    assertThat(
            ApiClient.as(port, "auditor1")
                .get(
                    "/engine-rest/task/" + signTaskId + "/attachment/" + attachmentId + "/data",
                    "*/*")
                .body())
        .as("an auditor reads every order's record")
        .contains(secret);
  }

  @Test
  void aReviewerCannotRewriteTheOrderThroughTheReviewForm() {
    steps.replied(number);
    String reviewTaskId = steps.openTask(number, Elements.TASK_REVIEW_REPLY).getId();
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    Map<String, Object> tampered =
        typed(
            Map.of(
                Vars.REVIEW_DECISION,
                "ACCEPTED",
                Vars.PHONE,
                "13000000000",
                Vars.CALLER_NAME,
                "篡改者",
                Vars.SATISFACTION,
                "SATISFIED",
                Vars.UNIT,
                Units.HEATING));

    Answer submitted =
        reviewer.post(
            "/engine-rest/task/" + reviewTaskId + "/submit-form", Map.of("variables", tampered));
    Answer completed =
        reviewer.post(
            "/engine-rest/task/" + reviewTaskId + "/complete", Map.of("variables", tampered));

    for (Answer refused : List.of(submitted, completed)) {
      assertRefused(refused);
      assertThat(refused.json().path("message").asText())
          .contains(Vars.PHONE, Vars.CALLER_NAME, Vars.SATISFACTION, Vars.UNIT)
          .doesNotContain(Vars.REVIEW_DECISION);
    }
    assertThat(tasks.createTaskQuery().taskId(reviewTaskId).count())
        .as("the review is still open")
        .isEqualTo(1);
    Map<String, Object> order = runtime.getVariables(instance);
    assertThat(order)
        .containsEntry(Vars.PHONE, PersonalData.maskPhone(phone))
        .containsEntry(Vars.CALLER_NAME, "张*")
        .containsEntry(Vars.UNIT, Units.WATER)
        .doesNotContainKey(Vars.SATISFACTION)
        .doesNotContainKey(Vars.REVIEW_DECISION);

    assertThat(
            reviewer
                .post(
                    "/engine-rest/task/" + reviewTaskId + "/submit-form",
                    Map.of("variables", typed(Map.of(Vars.REVIEW_DECISION, "ACCEPTED"))))
                .status())
        .as("the review's own field is accepted")
        .isEqualTo(204);
  }

  @Test
  void nobodyWritesVariablesOutsideAFormStepAnAdministratorIncluded() {
    String unit = "{\"value\": \"" + Units.HEATING + "\", \"type\": \"String\"}";
    for (String user : List.of("water1", "reviewer1", "demo")) {
      ApiClient client = ApiClient.as(port, user);
      assertRefused(
          client.post(
              "/engine-rest/task/" + signTaskId + "/variables",
              "{\"modifications\": {\"unit\": " + unit + "}}"));
      assertRefused(client.put("/engine-rest/task/" + signTaskId + "/variables/unit", unit));
      assertRefused(
          client.put("/engine-rest/process-instance/" + instance + "/variables/unit", unit));
      assertRefused(
          client.delete("/engine-rest/process-instance/" + instance + "/variables/phone"));
    }

    assertThat(runtime.getVariable(instance, Vars.UNIT)).isEqualTo(Units.WATER);
    assertThat(runtime.getVariable(instance, Vars.PHONE)).isEqualTo(PersonalData.maskPhone(phone));
    assertThat(contacts.of(instance).orElseThrow().phone()).isEqualTo(phone);
    assertThat(tasks.getVariablesLocal(signTaskId)).doesNotContainKey(Vars.UNIT);
  }

  @Test
  void anOrderIsStartedOnlyWithItsStartFormsFields() {
    long before = runtime.createProcessInstanceQuery().count();

    Answer withOutcome =
        ApiClient.as(port, "agent1")
            .post(
                "/engine-rest/process-definition/key/" + WorkOrderProcess.KEY + "/start",
                Map.of(
                    "variables",
                    typed(
                        Map.of(
                            Vars.CHANNEL, "PHONE",
                            Vars.PHONE, "13800138000",
                            Vars.DISTRICT, "SAERTU",
                            Vars.REQUEST_TYPE, "HELP",
                            Vars.CATEGORY, "WATER_SUPPLY",
                            Vars.CONTENT, "停水",
                            Vars.OUTCOME, "RESOLVED"))));
    Answer supervisionWithVariables =
        ApiClient.as(port, "supervisor1")
            .post(
                "/engine-rest/process-definition/key/" + OrderSupervisionProcess.KEY + "/start",
                Map.of(
                    "variables",
                    typed(Map.of(Vars.WORK_ORDER_NUMBER, number, "openedBy", "someone-else"))));

    assertRefused(withOutcome);
    assertThat(withOutcome.json().path("message").asText()).contains(Vars.OUTCOME);
    assertRefused(supervisionWithVariables);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aProcessOwnerCannotEraseRunningOrdersByDeletingTheirDeployment() throws IOException {
    // Other tests try wrong passwords for owner1; the engine would make it wait before a login.
    identity.unlockUser("owner1");
    ApiClient owner = ApiClient.as(port, "owner1");
    Answer deployed =
        owner.postMultipart("/engine-rest/deployment/create", newVersionOfWorkOrder());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = deployed.json().path("id").asText();
    String onNewVersion = null;
    try {
      onNewVersion =
          ApiClient.as(port, "agent1")
              .post("/api/work-orders", IntakeRequests.phoneCall("HELP", "WATER_SUPPLY"))
              .json()
              .path("number")
              .asText();
      String orderInstance =
          steps.openTask(onNewVersion, Elements.TASK_SIGN_WORK_ORDER).getProcessInstanceId();
      assertThat(
              repository
                  .getProcessDefinition(
                      runtime
                          .createProcessInstanceQuery()
                          .processInstanceId(orderInstance)
                          .singleResult()
                          .getProcessDefinitionId())
                  .getDeploymentId())
          .as("the new order runs on the owner's version")
          .isEqualTo(deploymentId);

      assertRefused(owner.delete("/engine-rest/deployment/" + deploymentId + "?cascade=true"));
      assertRefused(
          owner.delete(
              "/engine-rest/process-definition/key/"
                  + WorkOrderProcess.KEY
                  + "/delete?cascade=true"));

      assertThat(ApiClient.as(port, "agent1").get("/api/work-orders/" + onNewVersion).status())
          .isEqualTo(200);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(orderInstance).count())
          .isEqualTo(1);
      assertThat(
              history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(orderInstance)
                  .count())
          .isPositive();
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count())
          .isEqualTo(1);
    } finally {
      // As the system, so the rest of the suite runs on the packaged version again.
      if (onNewVersion != null) {
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(onNewVersion)
            .list()
            .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test clean-up"));
      }
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anAdministratorCannotEraseHistoryRewriteOutcomesMoveDeadlinesOrShortenRetention()
      throws Exception {
    ApiClient admin = ApiClient.as(port, "demo");
    String definitionId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getProcessDefinitionId();
    Job signTimer =
        management
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(Elements.TIMER_SIGN_OVERDUE)
            .singleResult();

    assertRefused(
        admin.put(
            "/engine-rest/process-instance/" + instance + "/variables/" + Vars.SIGN_OVERDUE,
            "{\"value\": true, \"type\": \"Boolean\"}"));
    assertRefused(
        admin.put(
            "/engine-rest/process-definition/" + definitionId + "/history-time-to-live",
            "{\"historyTimeToLive\": 1}"));
    assertRefused(
        admin.put(
            "/engine-rest/job/" + signTimer.getId() + "/duedate",
            "{\"duedate\": \"2099-01-01T00:00:00.000+0800\"}"));
    assertRefused(admin.post("/engine-rest/job/" + signTimer.getId() + "/execute", "{}"));
    assertRefused(admin.delete("/engine-rest/process-instance/" + instance));
    assertThat(repository.getProcessDefinition(definitionId).getHistoryTimeToLive())
        .isEqualTo(1825);
    Job timerAfter = management.createJobQuery().jobId(signTimer.getId()).singleResult();
    assertThat(timerAfter.getDuedate()).isEqualTo(signTimer.getDuedate());
    assertThat(timerAfter.getRetries())
        .as("not counted as a failed try")
        .isEqualTo(signTimer.getRetries());
    assertThat(runtime.getVariable(instance, Vars.SIGN_OVERDUE))
        .as("signed in time so far")
        .isEqualTo(false);

    steps.closed(number);
    assertRefused(admin.delete("/engine-rest/history/process-instance/" + instance));
    assertRefused(
        admin.post(
            "/engine-rest/history/process-instance/set-removal-time",
            "{\"absoluteRemovalTime\": \"2020-01-01T00:00:00.000+0800\","
                + " \"historicProcessInstanceIds\": [\""
                + instance
                + "\"]}"));
    WebappSession cockpit = new WebappSession(port);
    String token = cockpit.open("cockpit");
    cockpit.login("cockpit", "demo", token);
    assertThat(
            cockpit
                .delete(
                    "/camunda/api/engine/engine/default/history/process-instance/" + instance,
                    token)
                .statusCode())
        .as("the same through Cockpit's API")
        .isEqualTo(403);
    identity.setAuthentication("demo", List.of(Groups.CAMUNDA_ADMIN));
    assertThatThrownBy(() -> history.deleteHistoricProcessInstance(instance))
        .as("and through the Java API, called for a person")
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName(Vars.OUTCOME)
                .singleResult()
                .getValue())
        .isEqualTo("RESOLVED");
    HistoricProcessInstance closed =
        history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    assertThat(closed.getRemovalTime())
        .as("kept for its history time to live (five years) after it closed")
        .isEqualTo(Date.from(closed.getEndTime().toInstant().plus(Duration.ofDays(1825))));
  }

  @Test
  void aTasksRecordedAttributesStayOnlyItsFollowUpDateMayChange() {
    ApiClient admin = ApiClient.as(port, "demo");
    JsonNode current = admin.get("/engine-rest/task/" + signTaskId).json();
    String due = current.path("due").asText();
    ObjectNode task = JsonNodeFactory.instance.objectNode();
    for (String attribute : UPDATABLE_TASK_ATTRIBUTES) {
      task.set(attribute, current.path(attribute));
    }

    ObjectNode later = task.deepCopy().put("due", "2099-01-01T00:00:00.000+0800");
    ObjectNode renamed = task.deepCopy().put("name", "随便改的名字");
    ObjectNode followUp = task.deepCopy().put("followUp", "2099-01-01T09:00:00.000+0800");

    assertRefused(admin.put("/engine-rest/task/" + signTaskId, later.toString()));
    assertRefused(admin.put("/engine-rest/task/" + signTaskId, renamed.toString()));
    assertThat(admin.put("/engine-rest/task/" + signTaskId, followUp.toString()).status())
        .isEqualTo(204);
    assertThat(
            ApiClient.as(port, "water1")
                .put("/engine-rest/task/" + signTaskId, followUp.toString())
                .status())
        .as("a candidate works the task, nothing more")
        .isEqualTo(403);
    ApiClient water = ApiClient.as(port, "water1");
    assertThat(claim(water, signTaskId, "water1")).isEqualTo(204);
    assertThat(water.post("/engine-rest/task/" + signTaskId + "/unclaim", "{}").status())
        .as("nor hands it on: an administrator reassigns")
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(signTaskId).singleResult().getAssignee())
        .isEqualTo("water1");

    JsonNode stored = admin.get("/engine-rest/task/" + signTaskId).json();
    assertThat(stored.path("due").asText()).isEqualTo(due);
    assertThat(stored.path("name").asText()).isEqualTo(current.path("name").asText());
    assertThat(stored.path("followUp").asText()).startsWith("2099-01-01");
  }

  @Test
  void aUnitStillSignsAndHandlesThroughItsFormsAndNotesItsWork() {
    ApiClient water = ApiClient.as(port, "water1");

    assertThat(claim(water, signTaskId, "water1")).isEqualTo(204);
    assertThat(comment(water, signTaskId, "已签收，安排抢修").status()).isEqualTo(200);
    assertThat(submit(water, signTaskId, Map.of(Vars.SIGN_NOTE, "供水公司已签收"))).isEqualTo(204);
    if (steps.openTask(number, Elements.TASK_LEADER_INSTRUCTION) != null) {
      ApiClient leader = ApiClient.as(port, "waterLeader1");
      String instruction = steps.openTask(number, Elements.TASK_LEADER_INSTRUCTION).getId();
      assertThat(claim(leader, instruction, "waterLeader1")).isEqualTo(204);
      assertThat(submit(leader, instruction, Map.of(Vars.LEADER_INSTRUCTION, "立即抢修")))
          .isEqualTo(204);
    }
    String handle = steps.openTask(number, Elements.TASK_HANDLE_WORK_ORDER).getId();
    assertThat(attach(water, handle, "维修记录.pdf", "application/pdf", PDF).status())
        .as("the assignee attaches to the task it works")
        .isEqualTo(200);
    assertThat(
            submit(
                water,
                handle,
                Map.of(
                    Vars.HANDLING_RESULT,
                    "RESOLVED",
                    Vars.REPLY_CONTENT,
                    "管道抢修完毕，已恢复供水。",
                    Vars.CITIZEN_CONTACTED,
                    true)))
        .isEqualTo(204);

    assertThat(
            ApiClient.as(port, "water1")
                .get("/api/work-orders/" + number)
                .json()
                .path("stageName")
                .asText())
        .isEqualTo("待审核");
    assertThat(runtime.getVariable(instance, Vars.REPLY_CONTENT)).isEqualTo("管道抢修完毕，已恢复供水。");
  }

  // --- what the clients send

  private Answer comment(ApiClient client, String taskId, String message) {
    return client.post(
        "/engine-rest/task/" + taskId + "/comment/create", Map.of("message", message));
  }

  private Answer attach(ApiClient client, String taskId, String name, String type, byte[] content) {
    return client.postMultipart(
        "/engine-rest/task/" + taskId + "/attachment/create",
        List.of(
            Part.field("attachment-name", name),
            Part.field("attachment-type", type),
            Part.file("content", name, type, content)));
  }

  private static int claim(ApiClient client, String taskId, String user) {
    return client.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status();
  }

  private static int submit(ApiClient client, String taskId, Map<String, Object> form) {
    return client
        .post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(form)))
        .status();
  }

  private static void assertRefused(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(answer.json().path("message").asText()).contains("Refused");
  }

  // --- moving the order on as the system (no person logged in)

  /** The work-order model and every form, as Camunda Modeler deploys a new version. */
  private static List<Part> newVersionOfWorkOrder() throws IOException {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.field("deployment-name", "workOrder 新版本"));
    parts.add(Part.field("enable-duplicate-filtering", "false"));
    parts.add(Part.field("deploy-changed-only", "false"));
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> files = new ArrayList<>();
    files.add(resolver.getResource("classpath:processes/workOrder.bpmn"));
    files.addAll(List.of(resolver.getResources("classpath*:forms/*.form")));
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        parts.add(
            Part.file(
                file.getFilename(),
                file.getFilename(),
                "application/octet-stream",
                in.readAllBytes()));
      }
    }
    return parts;
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
