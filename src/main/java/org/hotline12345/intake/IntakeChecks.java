package org.hotline12345.intake;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.forms.FormSchemas;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Component;

/**
 * What a request must satisfy to become a work order, wherever it comes from: the rules of the
 * start form (required fields, lengths, phone pattern, the codes it offers) plus the rules a form
 * cannot express (an enterprise request names the enterprise; a call closed at intake records how).
 */
@Component
public class IntakeChecks {

  static final int EXTERNAL_ID_MAX_LENGTH = 100;

  /**
   * What an agent must record for each way of closing a call at intake (the form can only hide
   * fields).
   */
  private static final Map<String, List<String>> REQUIRED_BY_OUTCOME =
      Map.of(
          Codes.INTAKE_ANSWERED, List.of(Vars.DIRECT_ANSWER),
          Codes.INTAKE_OUT_OF_SCOPE, List.of(Vars.OUT_OF_SCOPE_REASON, Vars.REDIRECTED_TO),
          Codes.INTAKE_EMERGENCY, List.of(Vars.EMERGENCY_LINE, Vars.HANDOVER_NOTE),
          Codes.INTAKE_THREE_WAY_CALL, List.of(Vars.SPECIALIST));

  private final FormSchemas schemas;
  private final FormService forms;
  private final RepositoryService repository;

  public IntakeChecks(FormSchemas schemas, FormService forms, RepositoryService repository) {
    this.schemas = schemas;
    this.forms = forms;
    this.repository = repository;
  }

  /** The start form of the work-order process as it is deployed now. */
  public FormSchema currentStartForm() {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .latestVersion()
            .singleResult();
    return startFormOf(latest.getId());
  }

  FormSchema startFormOf(String processDefinitionId) {
    return schemas.forStartForm(forms, processDefinitionId);
  }

  /** Every violation of {@code variables}, by variable name. */
  List<FieldViolation> check(Map<String, Object> variables, FormSchema startForm) {
    List<FieldViolation> violations = new ArrayList<>(startForm.check(variables));
    if (Boolean.TRUE.equals(variables.get(Vars.ENTERPRISE))
        && isBlank(variables.get(Vars.ENTERPRISE_NAME))
        && violations.stream().noneMatch(v -> v.field().equals(Vars.ENTERPRISE_NAME))) {
      violations.add(new FieldViolation(Vars.ENTERPRISE_NAME, "企业诉求须填写「企业名称」"));
    }
    String outcome = (String) variables.get(Vars.INTAKE_OUTCOME);
    for (Map.Entry<String, List<String>> shortcut : REQUIRED_BY_OUTCOME.entrySet()) {
      if (shortcut.getKey().equals(outcome)) {
        for (String field : shortcut.getValue()) {
          if (isBlank(variables.get(field))
              && violations.stream().noneMatch(v -> v.field().equals(field))) {
            violations.add(
                new FieldViolation(
                    field,
                    "受理结果为「"
                        + startForm.labelOf(Vars.INTAKE_OUTCOME, outcome).orElse(outcome)
                        + "」时，「"
                        + startForm.field(field).map(FormSchema.Field::label).orElse(field)
                        + "」为必填项"));
          }
        }
      }
    }
    if (variables.get(Vars.EXTERNAL_ID) instanceof String id
        && (id.isBlank() || id.length() > EXTERNAL_ID_MAX_LENGTH)) {
      violations.add(
          new FieldViolation(
              Vars.EXTERNAL_ID, "外部编号不能为空白，且不能超过 " + EXTERNAL_ID_MAX_LENGTH + " 个字符"));
    }
    return violations;
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
