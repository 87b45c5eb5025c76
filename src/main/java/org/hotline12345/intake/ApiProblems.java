package org.hotline12345.intake;

import org.hotline12345.forms.FieldProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the hotline's own API as RFC 9457 problem details: a bad request names each bad field
 * and what is wrong with it in {@code errors}; no stack trace ever reaches the client.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends FieldProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(e.violations());
  }

  /** Anything unexpected: logged with its cause for the operators, a plain 500 for the client. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected error in the hotline API", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试");
    problem.setTitle("服务器内部错误");
    return problem;
  }
}
