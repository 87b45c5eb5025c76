package org.hotline12345.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.TestPhones;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The intake API's contract, over real HTTP: what a channel sends and what it gets back. */
@HotlineSpringTest
class WorkOrderApiTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.as(port, "agent1");
  }

  @Test
  void registeringARequestAnswers201WithTheNumberPriorityAndUnit() {
    Map<String, Object> request = request();
    Answer created = api.post("/api/work-orders", request);

    assertThat(created.status()).isEqualTo(201);
    String number = created.json().path("number").asText();
    assertThat(number).matches("\\d{8}-\\d{6}");
    assertThat(created.location()).isEqualTo("/api/work-orders/" + number);
    assertThat(created.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(created.json().path("stage").asText()).isEqualTo("SIGNING");
    assertThat(created.json().path("priority").asText()).isEqualTo("FIRST");
    assertThat(created.json().path("unit").asText()).isEqualTo(Units.HOUSING_FUND);
    assertThat(created.json().path("unitName").asText()).isEqualTo("市住房公积金管理中心");
    assertThat(created.json().path("deadlines").path("signDeadline").asText())
        .as("deadlines are in Shanghai time whatever the host's zone")
        .endsWith("+08:00");
    assertThat(created.json().toString())
        .as("no personal data in the answer")
        .doesNotContain((String) request.get("phone"), "张三");

    Answer read = api.get("/api/work-orders/" + number);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("stageName").asText()).isEqualTo("待签收");
    assertThat(read.json().path("deadlines").path("signDeadline"))
        .isEqualTo(created.json().path("deadlines").path("signDeadline"));
  }

  @Test
  void theSameExternalIdSentTwiceAnswersWithTheFirstOrderAndCreatesNoSecond() {
    Map<String, Object> request = request();
    request.put("externalId", "wechat-" + UUID.randomUUID());

    Answer first = api.post("/api/work-orders", request);
    long instances =
        runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();
    Answer second = api.post("/api/work-orders", request);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("number")).isEqualTo(first.json().path("number"));
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count())
        .isEqualTo(instances);
  }

  @Test
  void anOrderTheTablesCannotRouteIsOpenWithoutAUnitUntilADispatcherChooses() {
    Map<String, Object> request = request();
    request.put("category", "OTHER");

    Answer created = api.post("/api/work-orders", request);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("stage").asText()).isEqualTo("DISPATCHING");
    assertThat(created.json().path("unit").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      content missing               | content         | {"content": null}
      content over 4000 characters  | content         | {"content": "LONG"}
      unknown category              | category        | {"category": "ALIENS"}
      unknown request type          | type            | {"type": "GOSSIP"}
      unknown channel               | channel         | {"channel": "FAX"}
      unknown district              | district        | {"district": "ATLANTIS"}
      malformed phone               | phone           | {"phone": "12345"}
      enterprise without its name   | enterpriseName  | {"enterprise": true}
      externalId too long           | externalId      | {"externalId": "LONG"}
      """)
  void badFieldAnswers400NamingTheFieldAndStartsNothing(String what, String field, String override)
      throws Exception {
    Map<String, Object> request = request();
    JsonNode changes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(override);
    changes
        .fields()
        .forEachRemaining(
            e ->
                request.put(
                    e.getKey(),
                    "LONG".equals(e.getValue().asText())
                        ? "长".repeat(4001)
                        : jsonValue(e.getValue())));

    assertRefused(api.post("/api/work-orders", request), field);
  }

  @Test
  void severalBadFieldsAreAllNamed() {
    Map<String, Object> request = request();
    request.put("content", "");
    request.put("category", "ALIENS");
    request.put("phone", "abc");

    Answer answer = api.post("/api/work-orders", request);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(fields(answer)).containsExactlyInAnyOrder("content", "category", "phone");
  }

  @Test
  void wrongTypeUnknownFieldAndBrokenJsonAnswer400() {
    assertRefused(
        api.post("/api/work-orders", "{\"content\": \"停水\", \"enterprise\": \"yes\"}"),
        "enterprise");
    assertRefused(
        api.post("/api/work-orders", "{\"content\": \"停水\", \"priority\": \"FIRST\"}"), "priority");
    assertRefused(api.post("/api/work-orders", "{\"content\": 42}"), "content");

    Answer broken = api.post("/api/work-orders", "{\"content\": \"停水\"");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().path("title").asText()).isEqualTo("请求内容有误");
    assertThat(broken.json().toString()).doesNotContain("Exception", "at org.");
  }

  @Test
  void unknownNumberAnswers404AndAMalformedOne400() {
    assertThat(api.get("/api/work-orders/19990101-000001").status()).isEqualTo(404);
    assertThat(api.get("/api/work-orders/..%2F..%2Fetc").status()).isEqualTo(400);
  }

  @Test
  void catalogListsTheCodesWithTheirChineseNames() {
    Answer catalog = api.get("/api/catalog");

    assertThat(catalog.status()).isEqualTo(200);
    assertThat(names(catalog.json().path("categories")))
        .containsEntry("HOUSING_FUND_WITHDRAWAL", "公积金提取")
        .containsEntry("WAGE_ARREARS", "拖欠薪资")
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(names(catalog.json().path("requestTypes")))
        .containsEntry("COMPLAINT", "投诉")
        .hasSize(6);
    assertThat(names(catalog.json().path("districts"))).containsKeys("SAERTU", "RANGHULU");
    assertThat(names(catalog.json().path("channels")))
        .containsKeys("PHONE", "WEB", "WECHAT", "APP", "SMS", "MAILBOX");
  }

  private void assertRefused(Answer answer, String field) {
    long instances =
        runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("title").asText()).isEqualTo("请求内容有误");
    assertThat(fields(answer)).containsExactly(field);
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count())
        .as("nothing started")
        .isEqualTo(instances);
  }

  private static List<String> fields(Answer answer) {
    return StreamSupport.stream(answer.json().path("errors").spliterator(), false)
        .map(e -> e.path("field").asText())
        .toList();
  }

  private static Map<String, String> names(JsonNode entries) {
    Map<String, String> names = new HashMap<>();
    entries.forEach(e -> names.put(e.path("code").asText(), e.path("name").asText()));
    return names;
  }

  private static Object jsonValue(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    return node.isBoolean() ? node.asBoolean() : node.asText();
  }

  @Test
  void aConsultationFromTheWebPortalWaitsForAHotlineAgentToAnswerItFromTheKnowledgeBase() {
    Map<String, Object> request = request();
    request.put("type", "CONSULTATION");
    request.put("content", "请问提取住房公积金需要带哪些材料？");

    Answer created = api.post("/api/work-orders", request);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("stage").asText()).isEqualTo("ANSWERING");
    assertThat(created.json().path("stageName").asText()).isEqualTo("待知识库答复");
    assertThat(created.json().path("unit").isNull()).as("not dispatched").isTrue();
  }

  /** A web-portal request for help with a housing-fund withdrawal. */
  static Map<String, Object> request() {
    Map<String, Object> r = new HashMap<>();
    r.put("channel", "WEB");
    r.put("callerName", "张三");
    r.put("phone", TestPhones.unique());
    r.put("enterprise", false);
    r.put("district", "SAERTU");
    r.put("address", "萨尔图区中七路 28 号");
    r.put("type", "HELP");
    r.put("category", "HOUSING_FUND_WITHDRAWAL");
    r.put("content", "公积金提取申请提交一个月仍未到账，请帮忙催办");
    return r;
  }
}
