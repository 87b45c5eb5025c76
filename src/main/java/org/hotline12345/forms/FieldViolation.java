package org.hotline12345.forms;

/**
 * One bad field of a submission: which field ({@code field}, the variable name) and what is wrong.
 */
public record FieldViolation(String field, String message) {}
