package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.hotline12345.WebappSession;
import org.hotline12345.organisation.Units;
import org.hotline12345.privacy.PersonalData;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks every GET resource of the engine REST API, as its own OpenAPI document (shipped in the 7.24
 * REST jar) lists them, so a resource added by an engine upgrade is walked without anyone adding
 * it, plus the same resources under the webapps' API with a Cockpit or Tasklist login, as each
 * role. A water-supply order from a citizen whose name, phone and address are known is the bait: no
 * answer may carry them in full except a task form shown to someone who contacts the citizen, and
 * another unit may not see the order at all (neither its number nor its content).
 */
@HotlineSpringTest
class EveryEngineResourceTests {

  static final String NAME = "欧阳秀兰";
  static final String ADDRESS = "让胡路区西宾路116号7栋2单元";

  /** Who contacts the citizen and so may see the data in a task's form. */
  static final Set<String> MAY_CONTACT = Set.of("water1", "agent1", "revisit1", "demo");

  static final List<String> ROLES =
      List.of(
          "demo",
          "agent1",
          "dispatcher1",
          "reviewer1",
          "revisit1",
          "supervisor1",
          "office1",
          "auditor1",
          "owner1",
          "water1",
          "waterLeader1",
          "heating1",
          "heatingLeader1");

  static final Set<String> OTHER_UNIT = Set.of("heating1", "heatingLeader1");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;

  final HttpClient http = HttpClient.newHttpClient();
  String phone;
  String number;
  String content;
  Map<String, String> ids;

  @BeforeEach
  void aWaterOrderFromOuyangXiulan() {
    Map<String, Object> call = IntakeRequests.phoneCall("HELP", "WATER_SUPPLY");
    content = "单元楼水管爆裂 " + UUID.randomUUID();
    call.put("callerName", NAME);
    call.put("address", ADDRESS);
    call.put("content", content);
    phone = (String) call.get("phone");
    number =
        ApiClient.as(port, "agent1").post("/api/work-orders", call).json().path("number").asText();
    Task signing =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskCandidateGroup(Units.WATER)
            .singleResult();
    String instance = signing.getProcessInstanceId();
    ProcessDefinition definition =
        repository.getProcessDefinition(signing.getProcessDefinitionId());
    HistoricDetail phoneUpdate =
        history
            .createHistoricDetailQuery()
            .processInstanceId(instance)
            .variableUpdates()
            .list()
            .stream()
            .filter(d -> Vars.PHONE.equals(((HistoricVariableUpdate) d).getVariableName()))
            .findFirst()
            .orElseThrow();
    var decision =
        history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().get(0);
    ids = new LinkedHashMap<>();
    ids.put("process-instance", instance);
    ids.put("execution", instance);
    ids.put("task", signing.getId());
    ids.put("process-definition", definition.getId());
    ids.put("deployment", definition.getDeploymentId());
    ids.put(
        "variable-instance",
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(instance)
            .variableName(Vars.PHONE)
            .singleResult()
            .getId());
    ids.put(
        "history/variable-instance",
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance)
            .variableName(Vars.PHONE)
            .singleResult()
            .getId());
    ids.put("history/detail", phoneUpdate.getId());
    ids.put("decision-definition", decision.getDecisionDefinitionId());
    ids.put("history/decision-instance", decision.getId());
    ids.put("job", management.createJobQuery().processInstanceId(instance).list().get(0).getId());
    ids.put(
        "resource",
        repository.getDeploymentResources(definition.getDeploymentId()).stream()
            .filter(r -> r.getName().endsWith("workOrder.bpmn"))
            .findFirst()
            .orElseThrow()
            .getId());
    ids.put("key", definition.getKey());
  }

  @Test
  void noEngineResourceGivesAwayTheCitizenOrAnotherUnitsOrder() throws Exception {
    List<String> paths = getPaths();
    assertThat(paths).as("GET resources in the OpenAPI document").hasSizeGreaterThan(150);
    List<String> leaks = new ArrayList<>();
    Map<String, Integer> reached = new LinkedHashMap<>();
    for (String user : ROLES) {
      for (String path : paths) {
        HttpResponse<String> answer = get("/engine-rest" + path, basic(user));
        leaks.addAll(leaks(user, path, answer));
        if (answer.statusCode() == 200 && answer.body().contains(number)) {
          reached.merge(user, 1, Integer::sum);
        }
      }
    }
    assertThat(leaks).isEmpty();
    // The walk does reach the order for those who may read it, so an empty list means something.
    assertThat(reached.getOrDefault("auditor1", 0)).isGreaterThan(5);
    assertThat(reached.getOrDefault("water1", 0)).isGreaterThan(3);
  }

  @Test
  void noWebappResourceGivesThemAwayEither() throws Exception {
    List<String> paths = getPaths();
    paths.add(
        "/cockpit/plugin/base/default/process-definition/"
            + ids.get("process-definition")
            + "/called-process-definitions");
    paths.add(
        "/cockpit/plugin/base/default/process-instance/"
            + ids.get("process-instance")
            + "/called-process-instances");
    List<String> leaks = new ArrayList<>();
    for (String[] login :
        List.of(
            new String[] {"cockpit", "auditor1"},
            new String[] {"cockpit", "supervisor1"},
            new String[] {"tasklist", "reviewer1"},
            new String[] {"tasklist", "heating1"})) {
      WebappSession session = new WebappSession(port);
      assertThat(session.login(login[0], login[1], session.open(login[0])).statusCode())
          .isEqualTo(200);
      for (String path : paths) {
        String full =
            path.startsWith("/cockpit/")
                ? "/camunda/api" + path
                : "/camunda/api/engine/engine/default" + path;
        leaks.addAll(leaks(login[1], path, session.get(full)));
      }
    }
    assertThat(leaks).isEmpty();
  }

  /** What this answer gives away that {@code user} may not see. */
  private List<String> leaks(String user, String path, HttpResponse<String> answer) {
    List<String> leaks = new ArrayList<>();
    String body = answer.body();
    boolean shownToContact = MAY_CONTACT.contains(user) && path.endsWith("/form-variables");
    for (String secret : List.of(phone, NAME, ADDRESS)) {
      if (body.contains(secret) && !shownToContact) {
        leaks.add(user + " GET " + path + " (" + answer.statusCode() + ") shows " + secret);
      }
    }
    if (OTHER_UNIT.contains(user)) {
      for (String order :
          List.of(number, content, PersonalData.maskPhone(phone), PersonalData.maskName(NAME))) {
        if (body.contains(order)) {
          leaks.add(user + " GET " + path + " (" + answer.statusCode() + ") shows " + order);
        }
      }
    }
    return leaks;
  }

  /** Every GET path of the OpenAPI document, with its parameters filled from the bait order. */
  private List<String> getPaths() throws Exception {
    JsonNode document;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
      document = JSON.readTree(in);
    }
    List<String> paths = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = document.path("paths").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (entry.getValue().has("get")) {
        paths.add(fill(entry.getKey()));
      }
    }
    return paths;
  }

  private String fill(String template) {
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String value =
          switch (parameter.group(1)) {
            case "id" -> idFor(template.substring(0, parameter.start()));
            case "key" -> ids.get("key");
            case "varName" -> Vars.PHONE;
            case "resourceId" -> ids.get("resource");
            case "tenant-id" -> "none";
            case "metrics-name" -> "activity-instance-start";
            default -> "x";
          };
      parameter.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  /** The id of the bait order's resource that the path before {@code {id}} names. */
  private String idFor(String prefix) {
    String resource = prefix.substring(1, prefix.length() - 1);
    if (ids.containsKey(resource)) {
      return ids.get(resource);
    }
    if (resource.startsWith("history/")) {
      String runtimeName = resource.substring("history/".length());
      if (ids.containsKey(runtimeName)) {
        return ids.get(runtimeName);
      }
    }
    return ids.get("process-instance");
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
