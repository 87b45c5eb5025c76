package org.hotline12345.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}, which Tasklist uses) as the starter configures it,
 * plus one rule: a submission refused by a form check answers 400 with the fields and messages,
 * even when the engine wrapped the refusal (it wraps whatever a task listener throws); everything
 * else is answered by Camunda's own handler.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(FormCheckErrors.class);
  }

  /** Chosen before Camunda's handler for the same exception type. */
  @Priority(100)
  public static class FormCheckErrors implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaHandler = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Throwable cause = exception;
      while (cause != null && !(cause instanceof FormValidationException)) {
        cause = cause.getCause();
      }
      if (!(cause instanceof FormValidationException refused)) {
        return camundaHandler.toResponse(exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", FormValidationException.class.getSimpleName());
      body.put("message", refused.getMessage());
      body.put("code", null);
      body.put("errors", errors(refused.violations()));
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static List<Map<String, String>> errors(List<FieldViolation> violations) {
      return violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList();
    }
  }
}
