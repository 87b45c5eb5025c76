package org.hotline12345.knowledge;

import java.util.List;
import org.hotline12345.forms.FieldViolation;

/** An article with bad fields, named as the API names them. Nothing was stored. */
class InvalidArticleException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  InvalidArticleException(List<FieldViolation> violations) {
    super(violations.size() + " invalid field(s)");
    this.violations = List.copyOf(violations);
  }

  List<FieldViolation> violations() {
    return violations;
  }
}
