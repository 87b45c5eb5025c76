package org.hotline12345.intake;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.HashMap;
import java.util.Map;

/** A request as an outside channel sends it to {@code POST /api/work-orders}. */
public record IntakeRequest(
    String channel,
    String callerName,
    String phone,
    Boolean enterprise,
    String enterpriseName,
    String district,
    String address,
    String type,
    String category,
    String content,
    Boolean urgent,
    String externalId) {

  /** API field names that differ from the process variable (and form field) they fill. */
  private static final Map<String, String> FIELD_OF_VARIABLE =
      Map.of(Vars.REQUEST_TYPE, "type", Vars.URGENT_MARKED, "urgent");

  /** The API field that fills a process variable. */
  static String fieldOf(String variable) {
    return FIELD_OF_VARIABLE.getOrDefault(variable, variable);
  }

  /** The process variables this request starts a work order with. */
  Map<String, Object> toVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.CHANNEL, channel);
    v.put(Vars.CALLER_NAME, callerName);
    v.put(Vars.PHONE, phone);
    v.put(Vars.ENTERPRISE, Boolean.TRUE.equals(enterprise));
    v.put(Vars.ENTERPRISE_NAME, enterpriseName);
    v.put(Vars.DISTRICT, district);
    v.put(Vars.ADDRESS, address);
    v.put(Vars.REQUEST_TYPE, type);
    v.put(Vars.CATEGORY, category);
    v.put(Vars.CONTENT, content);
    v.put(Vars.URGENT_MARKED, Boolean.TRUE.equals(urgent));
    // A channel's request always becomes a work order; only an agent on the phone closes at intake.
    v.put(Vars.INTAKE_OUTCOME, Codes.INTAKE_WORK_ORDER);
    if (externalId != null) {
      v.put(Vars.EXTERNAL_ID, externalId);
    }
    return v;
  }
}
