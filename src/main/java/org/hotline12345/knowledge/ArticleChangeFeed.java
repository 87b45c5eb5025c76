package org.hotline12345.knowledge;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Brings the changes other nodes make to the knowledge base into this node's index, every {@code
 * hotline.knowledge.follow-every} (3 s): the articles whose row changed since the last look (column
 * {@code recorded_at}, the database's clock), looking a little further back each time so a change
 * whose transaction committed late is not missed; the index takes only versions newer than it
 * holds, so seeing a change twice costs nothing. A published article is found on every node, and a
 * retired one gone from every node, within seconds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ArticleChangeFeed implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleChangeFeed.class);

  /** How far before the last look each look starts: longer than an article's transaction takes. */
  static final Duration OVERLAP = Duration.ofSeconds(30);

  private final Articles articles;
  private final ArticleIndex index;
  private final Duration every;
  private volatile OffsetDateTime lastLook;
  private volatile boolean failing;

  ArticleChangeFeed(
      Articles articles,
      ArticleIndex index,
      @Value("${hotline.knowledge.follow-every:3s}") Duration every) {
    this.articles = articles;
    this.index = index;
    this.every = every;
  }

  /** Follows from {@code databaseTime}, taken just before the index was built from the database. */
  void followFrom(OffsetDateTime databaseTime) {
    lastLook = databaseTime;
  }

  /** Takes the changes since the last look into the index; returns how many rows changed. */
  int follow() {
    OffsetDateTime from = lastLook;
    if (from == null) {
      return 0; // the index is not built yet
    }
    try {
      OffsetDateTime now = articles.databaseTime();
      List<Article> changed = articles.changedSince(from.minus(OVERLAP));
      changed.forEach(index::update);
      lastLook = now;
      if (failing) {
        LOG.info("Knowledge change feed follows the database again");
        failing = false;
      }
      return changed.size();
    } catch (DataAccessException e) {
      if (!failing) {
        LOG.warn(
            "Knowledge change feed cannot read the database, trying again: {}", e.getMessage());
        failing = true;
      }
      return 0;
    }
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::follow, every);
  }
}
