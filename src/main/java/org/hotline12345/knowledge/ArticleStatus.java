package org.hotline12345.knowledge;

/** Where an article is in its life: only PUBLISHED articles are found by agents. */
enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  RETIRED
}
