package org.hotline12345.intake;

import static org.hotline12345.workorder.WorkOrderProcess.Codes;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.privacy.CitizenContacts;
import org.hotline12345.workorder.WorkOrderNumbers;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task "登记工单": checks the registered request again on the server, fills the flags the agent left
 * unset, and gives the order its number as business key (always a fresh one: a business key sent by
 * a client is replaced). A bad request fails the start, so no half-registered order is left behind.
 */
@Component
public class RegisterWorkOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterWorkOrderDelegate.class);

  /** A repeat is looked for among the caller's newest orders (open ones are among them). */
  private static final int EARLIER_ORDERS_LOOKED_AT = 100;

  private final IntakeChecks checks;
  private final WorkOrderNumbers numbers;
  private final Deadlines deadlines;
  private final int maxRehandlings;
  private final int maxReturns;
  private final SpecialServiceList specialService;
  private final CitizenContacts contacts;

  public RegisterWorkOrderDelegate(
      IntakeChecks checks,
      WorkOrderNumbers numbers,
      Deadlines deadlines,
      @Value("${hotline.rehandling.max-times:1}") int maxRehandlings,
      @Value("${hotline.returns.max-before-supervisor:2}") int maxReturns,
      SpecialServiceList specialService,
      CitizenContacts contacts) {
    this.checks = checks;
    this.numbers = numbers;
    this.deadlines = deadlines;
    this.maxRehandlings = maxRehandlings;
    this.maxReturns = maxReturns;
    this.specialService = specialService;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(Vars.INTAKE_OUTCOME) == null) {
      execution.setVariable(Vars.INTAKE_OUTCOME, Codes.INTAKE_WORK_ORDER);
    }
    // The engine holds the caller's data masked; the checks need what was registered.
    Optional<CitizenContacts.Contact> contact = contacts.of(execution.getProcessInstanceId());
    String phone = contact.map(CitizenContacts.Contact::phone).orElse(null);
    // Callers on the special-service list are recognised by their number, not by the agent.
    execution.setVariable(Vars.SPECIAL_SERVICE, specialService.contains(phone));
    for (String flag :
        List.of(
            Vars.ENTERPRISE, Vars.URGENT_MARKED, Vars.SPECIAL_SERVICE, Vars.THREE_WAY_RESOLVED)) {
      if (execution.getVariable(flag) == null) {
        execution.setVariable(flag, false);
      }
    }
    FormSchema startForm = checks.startFormOf(execution.getProcessDefinitionId());
    Map<String, Object> registered = execution.getVariables();
    contact.ifPresent(c -> registered.putAll(c.asVariables()));
    List<FieldViolation> violations = checks.check(registered, startForm);
    if (!violations.isEmpty()) {
      throw new FormValidationException(violations);
    }
    Date now = deadlines.now();
    String number = numbers.next(deadlines.dayOf(now));
    execution.setProcessBusinessKey(number);
    execution.setVariable(Vars.WORK_ORDER_NUMBER, number);
    contacts.numbered(execution.getProcessInstanceId(), number);
    execution.setVariable(Vars.REGISTERED_AT, now);
    execution.setVariable(Vars.SEND_BACK_COUNT, 0);
    execution.setVariable(Vars.REHANDLING_COUNT, 0);
    execution.setVariable(Vars.MAX_REHANDLINGS, maxRehandlings);
    execution.setVariable(Vars.REVISIT_ATTEMPTS, 0);
    execution.setVariable(Vars.RETURN_COUNT, 0);
    execution.setVariable(Vars.EXTENSION_COUNT, 0);
    execution.setVariable(Vars.MAX_RETURNS, maxReturns);
    Object category = execution.getVariable(Vars.CATEGORY);
    execution.setVariable(
        Vars.CATEGORY_NAME, startForm.labelOf(Vars.CATEGORY, category).orElse((String) category));
    linkToAnOpenOrderOnTheSameMatter(execution, phone);
    LOG.info(
        "Work order {} registered ({}, {})",
        number,
        execution.getVariable(Vars.REQUEST_TYPE),
        execution.getVariable(Vars.CATEGORY));
  }

  /**
   * A new request from the same phone on the same matter (category) while an order is open is
   * linked to that order instead of being dispatched twice; the open order counts the repeat.
   */
  private void linkToAnOpenOrderOnTheSameMatter(DelegateExecution execution, String phone) {
    if (!Codes.INTAKE_WORK_ORDER.equals(execution.getVariable(Vars.INTAKE_OUTCOME))
        || phone == null) {
      return;
    }
    Set<String> earlier =
        contacts.ordersFrom(phone).stream()
            .filter(id -> !id.equals(execution.getProcessInstanceId()))
            .limit(EARLIER_ORDERS_LOOKED_AT)
            .collect(Collectors.toSet());
    if (earlier.isEmpty()) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    runtime
        .createProcessInstanceQuery()
        .processInstanceIds(earlier)
        .processDefinitionKey(WorkOrderProcess.KEY)
        .variableValueEquals(Vars.CATEGORY, execution.getVariable(Vars.CATEGORY))
        .list()
        .stream()
        .filter(open -> !open.getId().equals(execution.getProcessInstanceId()))
        .findFirst()
        .ifPresent(
            open -> {
              Number repeats = (Number) runtime.getVariable(open.getId(), Vars.REPEAT_COUNT);
              runtime.setVariable(
                  open.getId(), Vars.REPEAT_COUNT, repeats == null ? 1 : repeats.intValue() + 1);
              execution.setVariable(Vars.INTAKE_OUTCOME, Codes.INTAKE_LINKED);
              execution.setVariable(Vars.LINKED_ORDER, open.getBusinessKey());
            });
  }
}
