package org.hotline12345.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A knowledge-base article as stored, with who changed it last and when. */
record Article(
    long id,
    String question,
    String answer,
    String category,
    String unit,
    List<String> keywords,
    LocalDate effectiveFrom,
    ArticleStatus status,
    boolean sample,
    int version,
    String changedBy,
    Instant changedAt) {

  boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }
}
