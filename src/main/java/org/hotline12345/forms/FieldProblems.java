package org.hotline12345.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one shape of a refused request to the hotline's own APIs (intake, knowledge base, ...): an
 * RFC 9457 problem titled 请求内容有误 whose {@code errors} name each bad field and what is wrong. Each
 * API's {@code @RestControllerAdvice} extends this class and adds its own refusals; a body that
 * cannot be read is answered here, the same for all.
 */
public abstract class FieldProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(unreadable(e))));
  }

  /** 400 naming each bad field. */
  protected static ProblemDetail badRequest(List<FieldViolation> violations) {
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

  /** What was wrong with a body that could not be read: the unknown or mistyped field, if any. */
  private static FieldViolation unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldViolation(unknown.getPropertyName(), "未知字段");
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(Objects::nonNull)
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
}
