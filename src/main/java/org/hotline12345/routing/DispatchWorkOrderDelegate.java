package org.hotline12345.routing;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FormValues;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.OrderGrants;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "派发工单": sends the order to the unit the dispatcher chose or, when the routing table was
 * sure, to the unit it named, and starts the signing clock from this moment. A livelihood request
 * registered outside working time also gets its call-the-citizen deadline (10:00 next working day).
 * The co-units (协办单位) are the dispatcher's choice or else the table's; they start their part once
 * the lead unit has signed. A unit or co-unit that does not exist is an expected business outcome
 * ({@code UNKNOWN_UNIT}): the model sends it to a dispatcher.
 */
@Component
public class DispatchWorkOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchWorkOrderDelegate.class);

  private final Units units;
  private final Deadlines deadlines;
  private final OrderGrants grants;

  public DispatchWorkOrderDelegate(Units units, Deadlines deadlines, OrderGrants grants) {
    this.units = units;
    this.deadlines = deadlines;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String chosen = (String) execution.getVariable(Vars.UNIT);
    String unit = chosen != null ? chosen : (String) execution.getVariable(Vars.ROUTED_UNIT);
    if (unit == null || !units.isUnit(unit)) {
      execution.removeVariable(Vars.UNIT);
      throw new BpmnError(WorkOrderProcess.Errors.UNKNOWN_UNIT, "承办单位不存在：" + unit);
    }
    List<String> coUnits = coUnits(execution, unit);
    Date now = deadlines.now();
    Date signDeadline =
        deadlines.signDeadline(now, (String) execution.getVariable(Vars.SIGN_LIMIT));
    execution.setVariable(Vars.UNIT, unit);
    execution.setVariable(Vars.CO_UNITS, String.join(",", coUnits));
    grants.letUnitRead(unit, execution.getProcessInstanceId());
    execution.setVariable(Vars.DISPATCHED_AT, now);
    execution.setVariable(Vars.SIGN_DEADLINE, signDeadline);
    execution.setVariable(Vars.SIGN_OVERDUE, false);
    Optional<Date> contactDeadline =
        Boolean.TRUE.equals(execution.getVariable(Vars.CONTACT_NEXT_WORKING_DAY))
            ? deadlines.nextWorkingDayContactDeadline(
                (Date) execution.getVariable(Vars.REGISTERED_AT))
            : Optional.empty();
    execution.setVariable(Vars.CONTACT_REQUIRED, contactDeadline.isPresent());
    execution.setVariable(Vars.CONTACT_DEADLINE, contactDeadline.orElse(null));
    LOG.info(
        "Work order {} dispatched to {} (co-units {}), to be signed by {}",
        execution.getProcessBusinessKey(),
        unit,
        coUnits,
        signDeadline);
  }

  /** The dispatcher's co-units if any were chosen, else the table's, without the lead unit. */
  private List<String> coUnits(DelegateExecution execution, String unit) {
    Object chosen = execution.getVariable(Vars.CO_UNITS);
    Object value = chosen != null ? chosen : execution.getVariable(Vars.ROUTED_CO_UNITS);
    List<String> coUnits =
        FormValues.items(value)
            .orElseThrow(
                () -> new IllegalArgumentException("coUnits: not a list of units: " + value))
            .stream()
            .filter(coUnit -> !coUnit.equals(unit))
            .distinct()
            .toList();
    for (String coUnit : coUnits) {
      if (!units.isUnit(coUnit)) {
        execution.removeVariable(Vars.CO_UNITS);
        throw new BpmnError(WorkOrderProcess.Errors.UNKNOWN_UNIT, "协办单位不存在：" + coUnit);
      }
    }
    return coUnits;
  }
}
