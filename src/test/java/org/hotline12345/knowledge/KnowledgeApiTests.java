package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.ShanghaiTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The knowledge API as staff use it: agents search the sample articles, editors run an article's
 * life (draft, published, retired), units propose drafts for themselves (and cannot tell that
 * another unit's draft exists), and bad input is refused field by field with nothing stored.
 */
@HotlineSpringTest
class KnowledgeApiTests {

  private static final String ARTICLES = "/api/knowledge/articles";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAgentFindsTheSampleArticleForACitizensQuestion() {
    ApiClient.Answer answer = ApiClient.as(port, "agent1").get(search("公积金怎么提取", null));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode best = answer.json().path("matches").get(0);
    assertThat(best.path("question").asText()).isEqualTo("住房公积金怎么提取，需要哪些材料？");
    assertThat(best.path("answer").asText()).startsWith("【示例】");
    assertThat(best.path("sample").asBoolean()).isTrue();
    assertThat(best.path("unit").asText()).isEqualTo("unitHousingFund");
    assertThat(best.path("score").asDouble()).isPositive();
  }

  @Test
  void anArticleIsFoundOnlyWhilePublished() {
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    ApiClient agent = ApiClient.as(port, "agent1");
    String question = "供暖期暖气不热可以申请退还部分供暖费吗？";

    ApiClient.Answer created =
        reviewer.post(ARTICLES, article(question, "【测试】室温不达标的，可申请按天退费。", "HEATING", "unitHeating"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().path("changedBy").asText()).isEqualTo("reviewer1");
    String path = created.location();
    assertThat(questionsFound(agent, "暖气不热退供暖费")).doesNotContain(question);

    ApiClient.Answer published = reviewer.post(path + "/publish", "");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(questionsFound(agent, "暖气不热退供暖费")).first().isEqualTo(question);

    ApiClient.Answer retired = reviewer.post(path + "/retire", "");
    assertThat(retired.json().path("status").asText()).isEqualTo("RETIRED");
    assertThat(questionsFound(agent, "暖气不热退供暖费")).doesNotContain(question);

    assertThat(reviewer.post(path + "/publish", "").status()).isEqualTo(409);
    assertThat(reviewer.put(path, article(question, "改", "HEATING", "unitHeating")).status())
        .isEqualTo(409);
    JsonNode versions = reviewer.get(path + "/versions").json();
    List<String> statuses = new ArrayList<>();
    versions.forEach(v -> statuses.add(v.path("status").asText()));
    assertThat(statuses).containsExactly("DRAFT", "PUBLISHED", "RETIRED");
    versions.forEach(v -> assertThat(v.path("changedBy").asText()).isEqualTo("reviewer1"));
  }

  @Test
  void editingAPublishedArticleChangesWhatAgentsFind() {
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    String path =
        reviewer
            .post(ARTICLES, article("小区停水什么时候恢复？", "【测试】以供水公司公告为准。", "WATER_SUPPLY", "unitWater"))
            .location();
    reviewer.post(path + "/publish", "");

    ApiClient.Answer edited =
        reviewer.put(
            path,
            article("小区停水什么时候恢复？", "【测试】计划停水提前24小时公告，抢修一般8小时内恢复。", "WATER_SUPPLY", "unitWater"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(edited.json().path("version").asInt()).isEqualTo(3);
    JsonNode best =
        ApiClient.as(port, "agent1")
            .get(search("停水多久恢复", "WATER_SUPPLY"))
            .json()
            .path("matches")
            .get(0);
    assertThat(best.path("answer").asText()).contains("8小时内恢复");
  }

  @Test
  void badFieldsAreNamedAndNothingIsStored() {
    ApiClient reviewer = ApiClient.as(port, "reviewer1");
    String drafts = reviewer.get(ARTICLES + "?status=DRAFT&limit=50").json().toString();

    ApiClient.Answer empty = reviewer.post(ARTICLES, "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("title").asText()).isEqualTo("请求内容有误");
    assertThat(fields(empty)).containsExactlyInAnyOrder("question", "answer", "category", "unit");

    ApiClient.Answer wrong =
        reviewer.post(
            ARTICLES,
            """
            {"question": "问题", "answer": "答", "category": "NO_SUCH_CATEGORY",
             "unit": "noSuchUnit", "keywords": ["好", ""]}
            """);
    assertThat(fields(wrong)).containsExactlyInAnyOrder("category", "unit", "keywords");

    ApiClient.Answer unknown =
        reviewer.post(ARTICLES, "{\"question\": \"问\", \"status\": \"PUBLISHED\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fields(unknown)).containsExactly("status");

    ApiClient.Answer badDate =
        reviewer.post(ARTICLES, "{\"question\": \"问\", \"effectiveFrom\": \"2026-13-45\"}");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(fields(badDate)).containsExactly("effectiveFrom");

    ApiClient.Answer tooLong =
        reviewer.post(ARTICLES, article("问".repeat(501), "答", "OTHER", "unitWater"));
    assertThat(fields(tooLong)).containsExactly("question");

    assertThat(reviewer.get(ARTICLES + "?status=DRAFT&limit=50").json().toString())
        .isEqualTo(drafts);
    assertThat(reviewer.get(ARTICLES + "/99999999").status()).isEqualTo(404);
  }

  @Test
  void aUnitProposesDraftsForItselfOnlyAndCannotPublish() {
    ApiClient fund = ApiClient.as(port, "fund1");

    ApiClient.Answer own =
        fund.post(
            ARTICLES,
            article("公积金缴存证明怎么开？", "【测试】在公积金APP自助打印。", "HOUSING_FUND_DEPOSIT", "unitHousingFund"));
    assertThat(own.status()).isEqualTo(201);
    assertThat(own.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(fund.get(own.location()).status()).isEqualTo(200);

    assertThat(fund.post(ARTICLES, article("停水怎么办？", "答", "WATER_SUPPLY", "unitWater")).status())
        .isEqualTo(403);
    assertThat(fund.post(own.location() + "/publish", "").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "agent1").get(own.location()).status())
        .as("a draft is not shown to agents")
        .isEqualTo(404);
    assertThat(ApiClient.as(port, "agent1").get(ARTICLES + "?status=DRAFT").status())
        .isEqualTo(403);
  }

  @Test
  void agentsSearchButDoNotWrite() {
    ApiClient agent = ApiClient.as(port, "agent1");

    assertThat(agent.post(ARTICLES, article("问", "答", "OTHER", "unitWater")).status())
        .isEqualTo(403);
    assertThat(new ApiClient(port).get(search("社保卡", null)).status()).isEqualTo(401);
  }

  @Test
  void aNewPolicyWithoutAnswerIsADraftWithItsGapOpen() {
    ApiClient.Answer created =
        ApiClient.as(port, "reviewer1")
            .post(
                ARTICLES,
                """
                {"question": "明年起失业保险金标准怎么调整？", "category": "UNEMPLOYMENT_INSURANCE",
                 "unit": "unitHrss", "keywords": ["失业金标准"], "effectiveFrom": "%s"}
                """
                    .formatted(today().plusYears(1)));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().path("answer").isNull()).isTrue();
    String gaps =
        ApiClient.as(port, "demo")
            .get(
                "/engine-rest/process-instance?processDefinitionKey=knowledgeGap&businessKey=KG-A"
                    + created.json().path("id").asText())
            .json()
            .toString();
    assertThat(gaps).contains("KG-A" + created.json().path("id").asText());
  }

  @ParameterizedTest(name = "effectiveFrom {0} (answer given: {1}): 400 naming it, nothing stored")
  @CsvSource({
    "9999-12-31, false",
    "+99999-01-01, true",
    "1999-12-31, true",
    "TEN_YEARS_AND_A_DAY, true"
  })
  void aPolicyDateOutsideTheSaneRangeIsRefusedNamingIt(String date, boolean withAnswer) {
    String effectiveFrom =
        date.equals("TEN_YEARS_AND_A_DAY") ? today().plusYears(10).plusDays(1).toString() : date;
    long before = articles();

    ApiClient.Answer refused =
        ApiClient.as(port, "reviewer1")
            .post(
                ARTICLES,
                """
                {"question": "新政策什么时候生效？", %s "category": "UNEMPLOYMENT_INSURANCE",
                 "unit": "unitHrss", "effectiveFrom": "%s"}
                """
                    .formatted(withAnswer ? "\"answer\": \"【测试】见通知。\"," : "", effectiveFrom));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("title").asText()).isEqualTo("请求内容有误");
    assertThat(fields(refused)).containsExactly("effectiveFrom");
    assertThat(articles()).isEqualTo(before);
  }

  @Test
  void aPolicyTenYearsAheadWithoutAnswerIsADraftWithItsGapOpen() {
    ApiClient.Answer created =
        ApiClient.as(port, "reviewer1")
            .post(
                ARTICLES,
                """
                {"question": "十年后的养老金政策是什么？", "category": "UNEMPLOYMENT_INSURANCE",
                 "unit": "unitHrss", "effectiveFrom": "%s"}
                """
                    .formatted(today().plusYears(10)));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void anotherUnitCannotTellThatADraftExists() {
    ApiClient.Answer draft =
        ApiClient.as(port, "fund1")
            .post(
                ARTICLES,
                article("公积金贷款额度怎么算？", "【测试】按缴存余额计算。", "HOUSING_FUND_LOAN", "unitHousingFund"));
    assertThat(draft.status()).isEqualTo(201);
    ApiClient water = ApiClient.as(port, "water1");
    String edit = article("公积金贷款额度怎么算？", "改", "HOUSING_FUND_LOAN", "unitWater");

    for (String path : List.of(draft.location(), ARTICLES + "/99999999")) {
      assertThat(water.get(path).status()).as("read %s", path).isEqualTo(404);
      assertThat(water.put(path, edit).status()).as("edit %s", path).isEqualTo(404);
      assertThat(water.post(path + "/publish", "").status()).as("publish %s", path).isEqualTo(404);
      assertThat(water.post(path + "/retire", "").status()).as("retire %s", path).isEqualTo(404);
      assertThat(water.get(path + "/versions").status()).as("versions %s", path).isEqualTo(404);
      assertThat(water.get(path).json().path("title").asText()).isEqualTo("知识条目不存在");
    }
    JsonNode unchanged = ApiClient.as(port, "reviewer1").get(draft.location()).json();
    assertThat(unchanged.path("status").asText()).isEqualTo("DRAFT");
    assertThat(unchanged.path("version").asInt()).isEqualTo(1);
    assertThat(unchanged.path("unit").asText()).isEqualTo("unitHousingFund");
  }

  private static LocalDate today() {
    return LocalDate.now(ShanghaiTime.ZONE);
  }

  private long articles() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article", Long.class);
  }

  private static String article(String question, String answer, String category, String unit) {
    return """
        {"question": "%s", "answer": "%s", "category": "%s", "unit": "%s", "keywords": []}
        """
        .formatted(question, answer, category, unit);
  }

  private static String search(String q, String category) {
    return ARTICLES
        + "?q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + (category == null ? "" : "&category=" + category);
  }

  private List<String> questionsFound(ApiClient client, String q) {
    List<String> questions = new ArrayList<>();
    client
        .get(search(q, null))
        .json()
        .path("matches")
        .forEach(m -> questions.add(m.path("question").asText()));
    return questions;
  }

  private static List<String> fields(ApiClient.Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
