package org.hotline12345.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that keeps the citizen's personal data ({@link PersonalData#VARIABLES}) out of the
 * engine, whichever way an order is started (Tasklist's start form, the intake API, the engine REST
 * API):
 *
 * <ul>
 *   <li>when any process instance starts, the values it was started with are written to {@link
 *       CitizenContacts} and the variables keep only their masked form, in the same transaction, so
 *       the runtime tables never hold them;
 *   <li>every history event of such a variable, and every submitted form field of that name, is
 *       masked before it is written, so neither {@code ACT_HI_VARINST} nor {@code ACT_HI_DETAIL}
 *       holds them either.
 * </ul>
 *
 * Whatever a caller may read through the engine (variables, single variables, their binary data,
 * history, searches on values) therefore holds only what everybody may see.
 */
@Component
class KeepPersonalDataOutOfTheEngine extends AbstractProcessEnginePlugin {

  private final CitizenContacts contacts;

  KeepPersonalDataOutOfTheEngine(CitizenContacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addBeforeTheEngines(configuration, new TakeOutAtStart(this::takeOut));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new MaskedHistory(configuration.getHistoryEventHandler()));
  }

  /** Moves the values a process instance was started with into the contact table. */
  private void takeOut(DelegateExecution processInstance) {
    Map<String, String> values = new LinkedHashMap<>();
    List<FieldViolation> violations = new ArrayList<>();
    for (String name : PersonalData.VARIABLES) {
      Object value = processInstance.getVariableLocal(name);
      if (value == null) {
        continue;
      }
      if (!(value instanceof String text)) {
        violations.add(new FieldViolation(name, "应为文本"));
      } else if (text.length() > PersonalData.MAX_LENGTH.get(name)) {
        violations.add(
            new FieldViolation(name, "不能超过 " + PersonalData.MAX_LENGTH.get(name) + " 个字符"));
      } else if (!text.isEmpty()) {
        values.put(name, text);
      }
    }
    if (!violations.isEmpty()) {
      throw new FormValidationException(violations);
    }
    if (values.isEmpty()) {
      return;
    }
    contacts.record(processInstance.getProcessInstanceId(), CitizenContacts.Contact.of(values));
    values.forEach(
        (name, value) -> processInstance.setVariableLocal(name, PersonalData.mask(name, value)));
  }

  /** Adds the take-out as the first start listener of every process, before the model's own. */
  private static final class TakeOutAtStart extends AbstractBpmnParseListener {
    private final ExecutionListener takeOut;

    TakeOutAtStart(ExecutionListener takeOut) {
      this.takeOut = takeOut;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, takeOut);
    }
  }

  /** Masks personal data in every history event before the engine's own handler writes it. */
  static final class MaskedHistory implements HistoryEventHandler {
    private final HistoryEventHandler engine;

    MaskedHistory(HistoryEventHandler engine) {
      this.engine = engine;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      mask(event);
      engine.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(MaskedHistory::mask);
      engine.handleEvents(events);
    }

    static void mask(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && PersonalData.VARIABLES.contains(variable.getVariableName())) {
        variable.setTextValue(
            (String) PersonalData.mask(variable.getVariableName(), variable.getTextValue()));
      } else if (event instanceof HistoricFormPropertyEventEntity field
          && PersonalData.VARIABLES.contains(field.getPropertyId())) {
        field.setPropertyValue(
            (String) PersonalData.mask(field.getPropertyId(), field.getPropertyValue()));
      }
    }
  }
}
