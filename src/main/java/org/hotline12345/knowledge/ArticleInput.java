package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;

/** What staff send to create or edit an article ({@code POST}/{@code PUT} body). */
record ArticleInput(
    String question,
    String answer,
    String category,
    String unit,
    List<String> keywords,
    LocalDate effectiveFrom) {}
