package org.hotline12345.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Checks at start that every {@code ${notifyListener}} in the process models names a template that
 * exists, so a typo in Modeler fails the start instead of a message.
 */
@Component
class NotificationHooks {

  static final String LISTENER = "${notifyListener}";
  static final String PROCESSES = "classpath*:processes/*.bpmn";

  /** A step of a model that sends a message. */
  record Hook(String model, String elementId, String event, String message) {}

  private final List<Hook> hooks;

  NotificationHooks(NotificationTemplates templates) {
    this.hooks = check(read(PROCESSES), templates);
  }

  /** The hooks, if every one names an existing template; else fails naming the ones that do not. */
  static List<Hook> check(List<Hook> hooks, NotificationTemplates templates) {
    List<String> missing =
        hooks.stream()
            .filter(h -> h.message() == null || templates.find(h.message()).isEmpty())
            .map(h -> h.model() + " " + h.elementId() + " (" + h.event() + "): " + h.message())
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Notification listeners name no existing template (field \"message\"; templates: "
              + templates.all().keySet()
              + "): "
              + missing);
    }
    return hooks;
  }

  List<Hook> hooks() {
    return hooks;
  }

  static List<Hook> read(String pattern) {
    List<Hook> found = new ArrayList<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = file.getInputStream()) {
          found.addAll(hooksOf(file.getFilename(), Bpmn.readModelFromStream(in)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models " + pattern, e);
    }
    return found;
  }

  static List<Hook> hooksOf(String model, BpmnModelInstance bpmn) {
    List<Hook> found = new ArrayList<>();
    for (CamundaTaskListener l : bpmn.getModelElementsByType(CamundaTaskListener.class)) {
      if (LISTENER.equals(l.getCamundaDelegateExpression())) {
        found.add(
            new Hook(
                model, ownerOf(l), "task " + l.getCamundaEvent(), message(l.getCamundaFields())));
      }
    }
    for (CamundaExecutionListener l : bpmn.getModelElementsByType(CamundaExecutionListener.class)) {
      if (LISTENER.equals(l.getCamundaDelegateExpression())) {
        found.add(new Hook(model, ownerOf(l), l.getCamundaEvent(), message(l.getCamundaFields())));
      }
    }
    return found;
  }

  private static String message(Collection<CamundaField> fields) {
    return fields.stream()
        .filter(f -> NotifyListener.MESSAGE_FIELD.equals(f.getCamundaName()))
        .flatMap(
            f ->
                Stream.of(
                    f.getCamundaStringValue(),
                    f.getCamundaString() == null ? null : f.getCamundaString().getTextContent()))
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .findFirst()
        .orElse(null);
  }

  private static String ownerOf(ModelElementInstance listener) {
    ModelElementInstance e = listener.getParentElement();
    while (e != null && !(e instanceof BaseElement)) {
      e = e.getParentElement();
    }
    return e == null ? "?" : ((BaseElement) e).getId();
  }
}
