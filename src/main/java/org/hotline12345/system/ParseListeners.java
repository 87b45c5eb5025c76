package org.hotline12345.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a BPMN parse listener to the engine's configuration (from an engine plugin's {@code
 * preInit}), for the rules the engine applies to every deployed model: form checks, personal data,
 * grants.
 */
public final class ParseListeners {

  private ParseListeners() {}

  /** Runs before the engine's own parse of each element. */
  public static void addBeforeTheEngines(
      ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(listener);
  }

  /** Runs after the engine's own parse of each element, when its behaviour is set. */
  public static void addAfterTheEngines(
      ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(listener);
  }
}
