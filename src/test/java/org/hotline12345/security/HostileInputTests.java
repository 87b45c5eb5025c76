package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each class of hostile input gets a clear 4xx and changes nothing; text is kept as sent, as data.
 * Broken text is sent as the raw bytes an attacker sends (NUL, lone surrogates, overlong and
 * invalid UTF-8, a field twice, text after the JSON) to both the intake and the knowledge API.
 */
@HotlineSpringTest
class HostileInputTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
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

  static Stream<Arguments> brokenText() {
    return Stream.of(
        Arguments.of("an escaped NUL", ascii("停水\\u0000了")),
        Arguments.of("a raw NUL byte", bytes("停水", new byte[] {0}, "了")),
        Arguments.of("an escaped control character", ascii("停水\\u001b[31m了")),
        Arguments.of("a lone surrogate", ascii("停水\\ud800了")),
        Arguments.of("a surrogate encoded as UTF-8", bytes("停水", hex("ED A0 80"), "了")),
        Arguments.of("an overlong '/' (C0 AF)", bytes("..", hex("C0 AF"), "..")),
        Arguments.of("a byte that is never UTF-8", bytes("停水", hex("FF"), "了")));
  }

  @ParameterizedTest(name = "a work order whose content has {0}: 400 naming content, none started")
  @MethodSource("brokenText")
  void aWorkOrderWithBrokenTextIsRefusedNamingTheField(String what, byte[] value) {
    long before = orders();

    Answer answer = agent.post("/api/work-orders", withRawValue(workOrder(), "content", value));

    assertRefused(answer, "content");
    assertThat(orders()).isEqualTo(before);
  }

  @ParameterizedTest(name = "an article whose question has {0}: 400 naming question, none stored")
  @MethodSource("brokenText")
  void anArticleWithBrokenTextIsRefusedNamingTheField(String what, byte[] value) {
    long before = articles();

    Answer answer =
        ApiClient.as(port, "reviewer1")
            .post("/api/knowledge/articles", withRawValue(article(), "question", value));

    assertRefused(answer, "question");
    assertThat(articles()).isEqualTo(before);
  }

  @Test
  void anEditWithBrokenTextLeavesTheArticleAsItWas() {
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    Answer created = reviewer.post("/api/knowledge/articles", article());
    assertThat(created.status()).isEqualTo(201);

    Answer edit =
        reviewer.put(
            created.location(),
            new String(
                withRawValue(article(), "answer", ascii("答\\u0000复")), StandardCharsets.UTF_8));

    assertRefused(edit, "answer");
    Answer after = reviewer.get(created.location());
    assertThat(after.json().path("version").asInt()).isEqualTo(1);
    assertThat(after.json().path("answer").asText())
        .isEqualTo(created.json().path("answer").asText());
  }

  @Test
  void aFieldGivenTwiceIsRefusedNamingIt() {
    long orders = orders();
    long articles = articles();
    String order = json(workOrder());
    String article = json(article());

    Answer twiceContent =
        agent.post("/api/work-orders", order.replaceFirst("}$", ", \"content\": \"改过的诉求\"}"));
    Answer twiceUnit =
        ApiClient.as(port, "reviewer1")
            .post(
                "/api/knowledge/articles",
                article.replaceFirst("}$", ", \"unit\": \"unitHeating\"}"));

    assertRefused(twiceContent, "content");
    assertRefused(twiceUnit, "unit");
    assertThat(orders()).isEqualTo(orders);
    assertThat(articles()).isEqualTo(articles);
  }

  @ParameterizedTest(name = "text after the JSON: {0}")
  @ValueSource(strings = {" {\"content\": \"第二个\"}", "xyz", " []", "\u0000"})
  void textAfterTheJsonIsRefusedAsTheBodys(String trailing) {
    long orders = orders();
    long articles = articles();

    Answer order = agent.post("/api/work-orders", json(workOrder()) + trailing);
    Answer article =
        ApiClient.as(port, "reviewer1").post("/api/knowledge/articles", json(article()) + trailing);

    assertRefused(order, "body");
    assertRefused(article, "body");
    assertThat(orders()).isEqualTo(orders);
    assertThat(articles()).isEqualTo(articles);
  }

  /** An emoji is 2 characters (UTF-16 units) for the form, the API, H2 and the engine's column. */
  @Test
  void contentOf4000EmojiIsRefusedAsTooLongAnd2000AreKeptExactly() {
    long before = orders();
    Map<String, Object> tooLong = workOrder();
    tooLong.put("content", "😀".repeat(4000));

    Answer refused = agent.post("/api/work-orders", tooLong);

    assertRefused(refused, "content");
    assertThat(refused.json().path("errors").get(0).path("message").asText())
        .contains("4000", "8000", "UTF-16");
    assertThat(orders()).isEqualTo(before);

    Map<String, Object> longest = workOrder();
    longest.put("content", "😀".repeat(2000));
    Answer created = agent.post("/api/work-orders", longest);
    assertThat(created.status()).isEqualTo(201);
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .processInstanceBusinessKey(created.json().path("number").asText())
            .singleResult()
            .getId();
    assertThat(runtime.getVariable(instance, WorkOrderProcess.Vars.CONTENT))
        .isEqualTo("😀".repeat(2000));
  }

  @Test
  void anAnswerOf4000EmojiFillsItsColumnAndOneMoreIsRefused() {
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    long before = articles();
    Map<String, Object> tooLong = article();
    tooLong.put("answer", "😀".repeat(4001));

    assertRefused(reviewer.post("/api/knowledge/articles", tooLong), "answer");
    assertThat(articles()).isEqualTo(before);

    Map<String, Object> longest = article();
    longest.put("answer", "😀".repeat(4000));
    Answer created = reviewer.post("/api/knowledge/articles", longest);
    assertThat(created.status()).isEqualTo(201);
    assertThat(reviewer.get(created.location()).json().path("answer").asText())
        .isEqualTo("😀".repeat(4000));
  }

  private static void assertRefused(Answer answer, String field) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("title").asText()).isEqualTo("请求内容有误");
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactly(field);
  }

  private static Map<String, Object> workOrder() {
    return IntakeRequests.phoneCall("COMPLAINT", "NOISE");
  }

  private static Map<String, Object> article() {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("question", "夜间施工噪音扰民向哪里投诉？");
    article.put("answer", "【测试】向生态环境部门投诉。");
    article.put("category", "NOISE");
    article.put("unit", "unitWater");
    article.put("keywords", List.of("噪音"));
    return article;
  }

  /** The JSON of {@code body} with the string value of {@code field} replaced by raw bytes. */
  private static byte[] withRawValue(Map<String, Object> body, String field, byte[] value) {
    Map<String, Object> marked = new LinkedHashMap<>(body);
    marked.put(field, "@@RAW@@");
    String[] around = json(marked).split("@@RAW@@");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value);
    out.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ascii(String jsonText) {
    return jsonText.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] hex(String bytes) {
    return HexFormat.ofDelimiter(" ").parseHex(bytes);
  }

  private long orders() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();
  }

  private long articles() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article", Long.class);
  }
}
