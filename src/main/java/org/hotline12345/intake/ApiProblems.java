package org.hotline12345.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline12345.forms.FieldViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the hotline's own API as RFC 9457 problem details: a bad request names each bad field
 * and what is wrong with it in {@code errors}; no stack trace ever reaches the client.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

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

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(violationOf(e))));
  }

  private static FieldViolation violationOf(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldViolation(unknown.getPropertyName(), "未知字段");
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(java.util.Objects::nonNull)
              .collect(Collectors.joining("."));
      String expected =
          mismatch.getTargetType() == null ? "" : "，应为" + typeName(mismatch.getTargetType());
      return new FieldViolation(field, "类型不正确" + expected);
    }
    if (cause instanceof JsonProcessingException) {
      return new FieldViolation(null, "请求体不是合法的 JSON");
    }
    return new FieldViolation(null, "请求体为空或无法读取");
  }

  private static String typeName(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "布尔值（true/false）";
    }
    if (type == String.class) {
      return "字符串";
    }
    return "JSON 对象";
  }

  private static ProblemDetail badRequest(List<FieldViolation> violations) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            violations.stream()
                .map(v -> (v.field() == null ? "" : v.field() + ": ") + v.message())
                .collect(Collectors.joining("; ")));
    problem.setTitle("请求内容有误");
    problem.setProperty(
        "errors",
        violations.stream()
            .map(
                v ->
                    v.field() == null
                        ? Map.of("message", v.message())
                        : Map.of("field", v.field(), "message", v.message()))
            .toList());
    return problem;
  }
}
