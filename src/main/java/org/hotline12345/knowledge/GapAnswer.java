package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer a unit wrote for a knowledge gap and a reviewer approved.
 *
 * @param articleId the article to update, or {@code null} to create one
 * @param question the question
 * @param answer the answer
 * @param category the work-order category code
 * @param unit the responsible unit
 * @param keywords keywords that help find it
 * @param effectiveFrom the day the policy takes effect, or {@code null}
 * @param publishedBy the reviewer who approved it
 */
public record GapAnswer(
    String articleId,
    String question,
    String answer,
    String category,
    String unit,
    List<String> keywords,
    LocalDate effectiveFrom,
    String publishedBy) {}
