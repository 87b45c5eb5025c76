package org.hotline12345.knowledge;

/**
 * One article found for a question.
 *
 * @param articleId the article's id in its knowledge base
 * @param question the question the article answers
 * @param answer the answer to give the citizen
 * @param unit the responsible unit (a Camunda group id of type UNIT)
 * @param score how well it matches (BM25 for the embedded knowledge base; higher is better,
 *     comparable only within one search)
 * @param sample whether the article is sample text shipped with the demo, not official policy
 */
public record KnowledgeMatch(
    String articleId, String question, String answer, String unit, double score, boolean sample) {}
