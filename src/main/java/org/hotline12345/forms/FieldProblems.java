package org.hotline12345.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /** The "field" of a problem with the request body as a whole. */
  public static final String BODY = "body";

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

  /**
   * What was wrong with a body that could not be read: the field whose value is not accepted, is
   * unknown, mistyped or given twice; {@value #BODY} when the body as a whole is not one JSON
   * value.
   */
  private static FieldViolation unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof StrictJson.UnacceptableText text) {
      return new FieldViolation(fieldOf(text).orElse(BODY), text.reason());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldViolation(unknown.getPropertyName(), "未知字段");
    }
    if (cause instanceof MismatchedInputException mismatch && fieldOf(mismatch).isPresent()) {
      String expected =
          mismatch.getTargetType() == null ? "" : "，应为" + typeName(mismatch.getTargetType());
      return new FieldViolation(fieldOf(mismatch).get(), "类型不正确" + expected);
    }
    if (cause instanceof JsonMappingException broken && fieldOf(broken).isPresent()) {
      return new FieldViolation(fieldOf(broken).get(), "不是合法的 JSON 值（控制字符须转义）");
    }
    if (cause instanceof StreamReadException read
        && read.getOriginalMessage() != null
        && read.getOriginalMessage().startsWith("Duplicate field")
        && read.getProcessor() != null) {
      return new FieldViolation(
          fieldOf(read.getProcessor().getParsingContext()), "字段重复出现，每个字段只能给一次");
    }
    if (cause instanceof JsonProcessingException) {
      return new FieldViolation(BODY, "请求体须为一个合法的 JSON 值（UTF-8 编码），其后不能再有其他内容");
    }
    return new FieldViolation(BODY, "请求体为空或无法读取");
  }

  private static Optional<String> fieldOf(JsonMappingException e) {
    String field =
        e.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .filter(Objects::nonNull)
            .collect(Collectors.joining("."));
    return field.isEmpty() ? Optional.empty() : Optional.of(field);
  }

  /** The dotted name of the field the parser was at. */
  private static String fieldOf(JsonStreamContext context) {
    Deque<String> names = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null; c = c.getParent()) {
      if (c.getCurrentName() != null) {
        names.addFirst(c.getCurrentName());
      }
    }
    return names.isEmpty() ? BODY : String.join(".", names);
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
