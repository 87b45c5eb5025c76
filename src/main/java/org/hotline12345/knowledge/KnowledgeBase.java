package org.hotline12345.knowledge;

import java.util.List;

/**
 * The knowledge base the hotline answers from, whichever it is: the embedded one (articles in the
 * hotline's own database, searched with Lucene) or an external one over HTTP, chosen by {@code
 * hotline.knowledge.adapter} ({@code embedded}, the default, or {@code http}). Callers never know
 * which one they talk to.
 */
public interface KnowledgeBase {

  /**
   * The published articles that best answer {@code text}, best first.
   *
   * <p>Never fails because the knowledge base is unreachable: an external knowledge base that times
   * out, answers an error or refuses the connection gives an empty list, and a warning is logged.
   * An empty list therefore means "nothing to answer from", not "the question is new": do not open
   * a knowledge gap from an empty result alone, let the agent say the answer was not found.
   *
   * @param text the citizen's question in their own words; blank gives an empty list
   * @param category a work-order category code (e.g. {@code HOUSING_FUND_WITHDRAWAL}) to search
   *     within, or {@code null} for all categories
   * @param limit how many matches at most (1 to 50)
   */
  List<KnowledgeMatch> search(String text, String category, int limit);

  /**
   * Publishes an answer a unit wrote for a knowledge gap, after a reviewer approved it: updates and
   * publishes the article {@link GapAnswer#articleId()} if given, otherwise creates a new published
   * article.
   *
   * @return the id of the published article
   * @throws KnowledgeBaseUnavailableException if an external knowledge base cannot take it now; the
   *     process retries the step and shows an incident in Cockpit after the last retry
   */
  String publishAnswer(GapAnswer answer);
}
