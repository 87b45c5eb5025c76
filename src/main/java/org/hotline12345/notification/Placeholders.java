package org.hotline12345.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hotline12345.escalation.HandlingEscalationProcess;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The placeholders a template may use and how each is filled from the process step's variables.
 * None of them is personal data: a message names the order, never the caller.
 */
@Component
class Placeholders {

  /** What a placeholder shows when the step has no value for it. */
  static final String NO_VALUE = "—";

  /** Placeholder → the variable it shows. */
  static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("workOrderNumber", Vars.WORK_ORDER_NUMBER),
          Map.entry("categoryName", Vars.CATEGORY_NAME),
          Map.entry("unitName", Vars.UNIT),
          Map.entry("returnedUnitName", Vars.RETURNED_UNIT),
          Map.entry("signDeadline", Vars.SIGN_DEADLINE),
          Map.entry("handleDeadline", Vars.HANDLE_DEADLINE),
          Map.entry("returnReason", Vars.RETURN_REASON),
          Map.entry("reviewComment", Vars.REVIEW_COMMENT),
          // The escalation ladder: which step of the order is late, and its deadline
          Map.entry("stepName", HandlingEscalationProcess.Vars.ESCALATED_STEP_NAME),
          Map.entry("stepDeadline", HandlingEscalationProcess.Vars.ESCALATION_DEADLINE),
          // Co-handling: the co-unit a message to it names, and its own signing deadline
          Map.entry("coUnitName", Vars.CO_UNIT),
          Map.entry("coSignDeadline", Vars.CO_SIGN_DEADLINE));

  private final Units units;
  private final DateTimeFormatter dates;

  Placeholders(Units units, @Value("${hotline.time-zone}") ZoneId zone) {
    this.units = units;
    this.dates = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(zone);
  }

  /** The value of each placeholder for a step whose variables {@code variables} reads. */
  UnaryOperator<String> valuesFrom(Function<String, Object> variables) {
    return placeholder -> {
      Object value = variables.apply(VARIABLES.get(placeholder));
      if (value == null || value.toString().isBlank()) {
        return NO_VALUE;
      }
      if (value instanceof Date date) {
        return dates.format(date.toInstant());
      }
      if (placeholder.equals("unitName")
          || placeholder.equals("returnedUnitName")
          || placeholder.equals("coUnitName")) {
        return units.nameOf(value.toString()).orElse(value.toString());
      }
      return value.toString();
    };
  }
}
