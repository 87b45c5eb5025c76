package org.hotline12345.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission that breaks its form's rules. Extends {@link BadUserRequestException} so the engine
 * REST API (and so Tasklist) answers 400 with the message, and the engine rolls back: nothing of
 * the submission is kept.
 */
public class FormValidationException extends BadUserRequestException {

  private final transient List<FieldViolation> violations;

  public FormValidationException(List<FieldViolation> violations) {
    super(
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
