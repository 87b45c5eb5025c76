package org.hotline12345.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to every error the servlet container sends to {@code /error} (an exception thrown by a
 * filter, such as the authentication filters when the database is down, or {@code sendError}
 * anywhere): an RFC 9457 problem detail with a Chinese title, never Spring's default error JSON, a
 * stack trace or an exception's message. The exception itself is logged by the container.
 */
@RestController
class ErrorProblems implements ErrorController {

  private final ObjectMapper json;

  ErrorProblems(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Written as text with its content type set, so that no {@code Accept} header can turn an error
   * into a second one.
   */
  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<String> error(HttpServletRequest request) throws JsonProcessingException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : HttpStatus.NOT_FOUND.value();
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(ProblemTitles.titleOf(status));
    if (status >= 500) {
      problem.setDetail("服务器内部错误，请稍后重试");
    }
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        problem.setInstance(URI.create(uri));
      } catch (IllegalArgumentException notAUri) {
        // The instance is optional; a path that is not one is left out.
      }
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(json.writeValueAsString(problem));
  }
}
