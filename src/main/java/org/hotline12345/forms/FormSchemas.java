package org.hotline12345.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The deployed forms' rules, read once per process definition (deployments never change, so the
 * cache never goes stale). Engine services are passed in rather than injected, because the engine
 * plugin that checks submissions needs this before the engine exists.
 */
@Component
public class FormSchemas {

  private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();

  /** The rules of the form of a user task. */
  public FormSchema forTask(DelegateTask task) {
    String cacheKey = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    FormService forms = task.getProcessEngineServices().getFormService();
    return cache.computeIfAbsent(
        cacheKey, k -> read(() -> forms.getDeployedTaskForm(task.getId())));
  }

  /** The rules of the start form of a process definition. */
  public FormSchema forStartForm(FormService forms, String processDefinitionId) {
    return cache.computeIfAbsent(
        processDefinitionId + "#start",
        k -> read(() -> forms.getDeployedStartForm(processDefinitionId)));
  }

  private static FormSchema read(Supplier<InputStream> form) {
    try (InputStream in = form.get()) {
      return FormSchema.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
