package org.hotline12345.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}, which Tasklist uses) as the starter configures it,
 * plus one rule: a submission refused by a form check answers 400 with its fields and messages. The
 * engine wraps what a task listener throws, and the REST resources wrap engine exceptions into a
 * 500, so the refusal is looked for along the causes; everything else is answered by Camunda's own
 * handlers.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RestErrors.class);
    register(EngineErrors.class);
  }

  /** Chosen before Camunda's handler for the same exception type. */
  @Priority(100)
  public static class RestErrors implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Chosen before Camunda's handler for the same exception type. */
  @Priority(100)
  public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  static Optional<Response> refusal(Throwable exception) {
    Throwable cause = exception;
    while (cause != null && !(cause instanceof FormValidationException)) {
      cause = cause.getCause();
    }
    if (!(cause instanceof FormValidationException refused)) {
      return Optional.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", FormValidationException.class.getSimpleName());
    body.put("message", refused.getMessage());
    body.put("code", null);
    body.put(
        "errors",
        refused.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList());
    return Optional.of(
        Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body)
            .build());
  }
}
