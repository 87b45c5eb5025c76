package org.hotline12345.workorder;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.hotline12345.organisation.Units;
import org.springframework.stereotype.Service;

/** Reads work orders from the engine's runtime and history, by the number citizens quote. */
@Service
public class WorkOrders {

  /** The variables the view shows; nothing else (in particular no personal data) is read. */
  private static final String[] SHOWN = {
    Vars.CHANNEL,
    Vars.REQUEST_TYPE,
    Vars.CATEGORY,
    Vars.DISTRICT,
    Vars.URGENT,
    Vars.PRIORITY,
    Vars.UNIT,
    Vars.REGISTERED_AT,
    Vars.DISPATCHED_AT,
    Vars.SIGN_DEADLINE,
    Vars.SIGNED_AT,
    Vars.SIGNED_IN_TIME,
    Vars.HANDLE_DEADLINE,
    Vars.REPLIED_AT,
    Vars.HANDLED_IN_TIME,
    Vars.OUTCOME,
    Vars.HANDLING_RESULT,
    Vars.SATISFACTION,
    Vars.SEND_BACK_COUNT,
    Vars.REHANDLING_COUNT,
    Vars.CLOSED_AT,
    Vars.CONTACT_DEADLINE,
    Vars.CONTACTED_AT,
    Vars.CONTACTED_IN_TIME,
    Vars.FIRST_CONTACT_RESOLUTION,
    Vars.RETURN_COUNT,
    Vars.EXTENSION_COUNT
  };

  private final HistoryService history;
  private final Units units;
  private final ZoneId zone;

  public WorkOrders(
      HistoryService history, Units units, org.hotline12345.calendar.Deadlines deadlines) {
    this.history = history;
    this.units = units;
    this.zone = deadlines.zone();
  }

  public Optional<WorkOrderView> find(String number) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableNameIn(SHOWN)
            .list()) {
      if (instance.getId().equals(variable.getActivityInstanceId())
          || !v.containsKey(variable.getName())) {
        v.put(variable.getName(), variable.getValue());
      }
    }
    boolean closed = instance.getEndTime() != null;
    Stage stage = closed ? Stage.CLOSED : currentStage(instance.getId()).orElse(null);
    String unit = (String) v.get(Vars.UNIT);
    return Optional.of(
        new WorkOrderView(
            number,
            closed ? WorkOrderView.CLOSED : WorkOrderView.OPEN,
            stage == null ? null : stage.name(),
            stage == null ? null : stage.displayName(),
            (String) v.get(Vars.CHANNEL),
            (String) v.get(Vars.REQUEST_TYPE),
            (String) v.get(Vars.CATEGORY),
            (String) v.get(Vars.DISTRICT),
            (Boolean) v.get(Vars.URGENT),
            (String) v.get(Vars.PRIORITY),
            unit,
            unit == null ? null : units.nameOf(unit).orElse(unit),
            new WorkOrderView.Deadlines(
                time(v, Vars.REGISTERED_AT),
                time(v, Vars.DISPATCHED_AT),
                time(v, Vars.SIGN_DEADLINE),
                time(v, Vars.SIGNED_AT),
                (Boolean) v.get(Vars.SIGNED_IN_TIME),
                time(v, Vars.HANDLE_DEADLINE),
                time(v, Vars.REPLIED_AT),
                (Boolean) v.get(Vars.HANDLED_IN_TIME),
                time(v, Vars.CONTACT_DEADLINE),
                time(v, Vars.CONTACTED_AT),
                (Boolean) v.get(Vars.CONTACTED_IN_TIME)),
            closed
                ? new WorkOrderView.Outcome(
                    (String) v.get(Vars.OUTCOME),
                    (String) v.get(Vars.HANDLING_RESULT),
                    (String) v.get(Vars.SATISFACTION),
                    (Integer) v.get(Vars.SEND_BACK_COUNT),
                    (Integer) v.get(Vars.REHANDLING_COUNT),
                    (Boolean) v.get(Vars.FIRST_CONTACT_RESOLUTION),
                    (Integer) v.get(Vars.RETURN_COUNT),
                    (Integer) v.get(Vars.EXTENSION_COUNT),
                    time(v, Vars.CLOSED_AT))
                : null));
  }

  /**
   * The main stage of an open order, from its unfinished activities (what the caller may read of
   * its history; unit tasks stay hidden from others). The supervisors' chase task and the call-back
   * task run beside the main stage and are not stages.
   */
  private Optional<Stage> currentStage(String processInstanceId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .unfinished()
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .map(Stage::ofElement)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  private OffsetDateTime time(Map<String, Object> v, String name) {
    return v.get(name) instanceof Date d ? d.toInstant().atZone(zone).toOffsetDateTime() : null;
  }
}
