package org.hotline12345.knowledge;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The knowledge base in the hotline's own database ({@code hotline.knowledge.adapter=embedded}, the
 * default), searched through the in-memory Lucene index of its published articles.
 */
@Component
@ConditionalOnProperty(
    name = "hotline.knowledge.adapter",
    havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedKnowledgeBase implements KnowledgeBase {

  static final int MAX_LIMIT = 50;

  private final ArticleIndex index;
  private final KnowledgeArticles articles;

  EmbeddedKnowledgeBase(ArticleIndex index, KnowledgeArticles articles) {
    this.index = index;
    this.articles = articles;
  }

  @Override
  public List<KnowledgeMatch> search(String text, String category, int limit) {
    return index.search(text, category, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  @Override
  public String publishAnswer(GapAnswer answer) {
    return Long.toString(articles.publishAnswer(answer).id());
  }
}
