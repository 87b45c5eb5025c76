package org.hotline12345.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.system.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At start: loads the sample articles when the knowledge base is empty and samples are on ({@code
 * hotline.knowledge.sample-articles}, on with the demo organisation), then builds the search index
 * from the database and follows the changes other nodes make ({@link ArticleChangeFeed}).
 *
 * <p>Samples are loaded at start rather than by a Flyway migration so that a production database
 * never receives them: they are the 20 high-frequency items of seed 000 written as sample text
 * (flag {@code sample}, answers beginning with 【示例】), not official policy.
 */
@Component
class KnowledgeStartup implements StartupWork {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeStartup.class);
  static final String SAMPLES = "knowledge/sample-articles.json";

  private final Articles articles;
  private final KnowledgeArticles lifecycle;
  private final ArticleIndex index;
  private final ArticleChangeFeed changes;
  private final ObjectMapper json;
  private final boolean samples;

  KnowledgeStartup(
      Articles articles,
      KnowledgeArticles lifecycle,
      ArticleIndex index,
      ArticleChangeFeed changes,
      ObjectMapper json,
      @Value("${hotline.knowledge.sample-articles:${hotline.demo.enabled:false}}")
          boolean samples) {
    this.articles = articles;
    this.lifecycle = lifecycle;
    this.index = index;
    this.changes = changes;
    this.json = json;
    this.samples = samples;
  }

  @Override
  public void run() {
    if (samples && articles.count() == 0) {
      List<ArticleInput> sampleArticles = sampleArticles(json);
      sampleArticles.forEach(lifecycle::createSample);
      LOG.info("Knowledge base was empty: {} sample articles loaded", sampleArticles.size());
    }
    long started = System.nanoTime();
    OffsetDateTime databaseTime = articles.databaseTime();
    int indexed = index.rebuild(articles::forEachPublished);
    changes.followFrom(databaseTime);
    LOG.info(
        "Knowledge index built: {} published articles in {} ms",
        indexed,
        (System.nanoTime() - started) / 1_000_000);
  }

  static List<ArticleInput> sampleArticles(ObjectMapper json) {
    try (InputStream in = new ClassPathResource(SAMPLES).getInputStream()) {
      return json.readValue(in, new TypeReference<List<ArticleInput>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
