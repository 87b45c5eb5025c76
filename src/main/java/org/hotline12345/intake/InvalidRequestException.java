package org.hotline12345.intake;

import java.util.List;
import org.hotline12345.forms.FieldViolation;

/**
 * A request to the API with bad fields, named as the API names them. Nothing was started or stored.
 */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(violations.size() + " invalid field(s)");
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
