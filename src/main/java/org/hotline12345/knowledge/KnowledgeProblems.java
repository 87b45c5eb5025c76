package org.hotline12345.knowledge;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hotline12345.forms.FieldViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the knowledge API as RFC 9457 problem details in the same shape as the intake API's
 * ({@code title} 请求内容有误, {@code errors} naming each field). Kept in this module rather than reusing
 * intake's handler so that intake may use the knowledge base without a dependency cycle.
 */
@RestControllerAdvice(assignableTypes = KnowledgeController.class)
class KnowledgeProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidArticleException.class)
  ProblemDetail invalid(InvalidArticleException e) {
    return badRequest(e.violations());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(new FieldViolation(e.getName(), "类型不正确")));
  }

  @ExceptionHandler(NoSuchArticleException.class)
  ProblemDetail notFound(NoSuchArticleException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("知识条目不存在");
    return problem;
  }

  @ExceptionHandler(ArticleConflictException.class)
  ProblemDetail conflict(ArticleConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("知识条目状态不允许此操作");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    FieldViolation violation;
    if (cause instanceof UnrecognizedPropertyException unknown) {
      violation = new FieldViolation(unknown.getPropertyName(), "未知字段");
    } else if (cause instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      violation =
          new FieldViolation(
              mismatch.getPath().stream()
                  .map(JsonMappingException.Reference::getFieldName)
                  .filter(Objects::nonNull)
                  .collect(Collectors.joining(".")),
              "类型或格式不正确");
    } else {
      violation = new FieldViolation(null, "请求体为空或不是合法的 JSON");
    }
    return ResponseEntity.badRequest().body(badRequest(List.of(violation)));
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
