package org.hotline12345.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The engine REST API ({@code /engine-rest}, which Tasklist uses) as the starter configures it,
 * plus two rules: a submission refused by a form check answers 400 with its fields and messages,
 * and an authorization refusal wrapped or swallowed by a resource still answers 403. The engine
 * wraps what a task listener throws, and the REST resources wrap engine exceptions into a 400 or
 * 500, so both are looked for along the causes; everything else is answered by Camunda's own
 * handlers.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  /**
   * The request attribute where a refusal by the engine is noted (security/RecordGuard), for the
   * resources that answer it with something else.
   */
  public static final String ENGINE_REFUSAL = EngineRestConfiguration.class.getName() + ".refusal";

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
      return refusal(exception)
          .or(() -> wrappedAuthorizationRefusal(exception))
          .or(EngineRestConfiguration::refusalOfThisRequest)
          .orElseGet(() -> camunda.toResponse(exception));
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

  /**
   * Some of Camunda's resources (comments, attachments) wrap every engine error into a 400: an
   * authorization refusal among the causes answers 403, as it does everywhere else.
   */
  static Optional<Response> wrappedAuthorizationRefusal(RestException exception) {
    Throwable cause = exception.getCause();
    while (cause != null && !(cause instanceof AuthorizationException)) {
      cause = cause.getCause();
    }
    return cause instanceof AuthorizationException refused
        ? Optional.of(new ProcessEngineExceptionHandler().toResponse(refused))
        : Optional.empty();
  }

  /**
   * A resource that drops the cause (deleting an attachment answers 404 "Deletion is not possible")
   * still answers 403 when the engine refused this request ({@link #ENGINE_REFUSAL}).
   */
  static Optional<Response> refusalOfThisRequest() {
    return RequestContextHolder.getRequestAttributes() != null
            && RequestContextHolder.getRequestAttributes()
                    .getAttribute(ENGINE_REFUSAL, RequestAttributes.SCOPE_REQUEST)
                instanceof AuthorizationException refused
        ? Optional.of(new ProcessEngineExceptionHandler().toResponse(refused))
        : Optional.empty();
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
