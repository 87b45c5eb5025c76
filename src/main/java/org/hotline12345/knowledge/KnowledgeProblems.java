package org.hotline12345.knowledge;

import java.util.List;
import org.hotline12345.forms.FieldProblems;
import org.hotline12345.forms.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the knowledge API as RFC 9457 problem details, in the one shape of {@link
 * FieldProblems}; the knowledge module's own refusals (no such article, wrong state) are added
 * here.
 */
@RestControllerAdvice(assignableTypes = KnowledgeController.class)
class KnowledgeProblems extends FieldProblems {

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
}
