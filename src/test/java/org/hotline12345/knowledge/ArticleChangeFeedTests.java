package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes another node writes to the knowledge base (straight to the table, as that node does)
 * reach this node's search: published, found; retired, gone; an older version arriving late changes
 * nothing.
 */
@HotlineSpringTest
class ArticleChangeFeedTests {

  private static final String QUESTION = "另一节点发布：小区电梯停运找哪个部门？";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ArticleChangeFeed feed;

  @Test
  void anArticlePublishedAndRetiredOnAnotherNodeIsFoundAndThenGoneHere() {
    ApiClient agent = ApiClient.as(port, "agent1");
    jdbc.update(
        "INSERT INTO knowledge_article (question, answer, category, unit, keywords, status, sample,"
            + " version, changed_by, changed_at) VALUES (?, '【测试】由物业服务企业负责。', 'OTHER',"
            + " 'districtSaertu', '电梯停运', 'PUBLISHED', FALSE, 1, 'reviewer1', CURRENT_TIMESTAMP)",
        QUESTION);
    long id =
        jdbc.queryForObject(
            "SELECT id FROM knowledge_article WHERE question = ?", Long.class, QUESTION);

    feed.follow();
    assertThat(questionsFound(agent, "电梯停运")).contains(QUESTION);

    jdbc.update(
        "UPDATE knowledge_article SET status = 'RETIRED', version = 2,"
            + " recorded_at = CURRENT_TIMESTAMP WHERE id = ?",
        id);
    feed.follow();
    assertThat(questionsFound(agent, "电梯停运")).doesNotContain(QUESTION);

    // The published version 1 seen again (the feed looks back a little every time): still gone.
    jdbc.update(
        "UPDATE knowledge_article SET status = 'PUBLISHED', version = 1,"
            + " recorded_at = CURRENT_TIMESTAMP WHERE id = ?",
        id);
    feed.follow();
    assertThat(questionsFound(agent, "电梯停运")).doesNotContain(QUESTION);
    jdbc.update("UPDATE knowledge_article SET status = 'RETIRED', version = 2 WHERE id = ?", id);
  }

  private List<String> questionsFound(ApiClient client, String q) {
    List<String> questions = new ArrayList<>();
    ApiClient.Answer answer =
        client.get("/api/knowledge/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(200);
    answer.json().path("matches").forEach(m -> questions.add(m.path("question").asText()));
    return questions;
  }
}
