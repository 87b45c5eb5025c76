package org.hotline12345.intake;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderView;
import org.hotline12345.workorder.WorkOrders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a request from an outside channel into a work order: checks it, starts the process and,
 * when the channel gave its own id, records it so the same request sent again answers with the
 * first order. The start and that record commit together or not at all.
 */
@Service
public class IntakeService {

  /** The outcome of a registration: the order, and whether this call created it. */
  public record Registration(WorkOrderView workOrder, boolean created) {}

  private final IntakeChecks checks;
  private final RuntimeService runtime;
  private final WorkOrders workOrders;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Deadlines deadlines;

  public IntakeService(
      IntakeChecks checks,
      RuntimeService runtime,
      WorkOrders workOrders,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Deadlines deadlines) {
    this.checks = checks;
    this.runtime = runtime;
    this.workOrders = workOrders;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.deadlines = deadlines;
  }

  public Registration register(IntakeRequest request) {
    Map<String, Object> variables = request.toVariables();
    List<FieldViolation> violations = checks.check(variables, checks.currentStartForm());
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          violations.stream()
              .map(v -> new FieldViolation(IntakeRequest.fieldOf(v.field()), v.message()))
              .toList());
    }
    if (request.externalId() != null) {
      Optional<Registration> earlier = earlier(request);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    String number;
    try {
      number = transaction.execute(status -> start(request, variables));
    } catch (DuplicateKeyException sameRequestAtTheSameMoment) {
      return earlier(request).orElseThrow(() -> sameRequestAtTheSameMoment);
    }
    return new Registration(workOrders.find(number).orElseThrow(), true);
  }

  private String start(IntakeRequest request, Map<String, Object> variables) {
    // A person starts an order with the start form's fields only (security/RecordGuard): the
    // channel's own id is kept in intake_submission, not in the process.
    Map<String, Object> formFields = new HashMap<>(variables);
    formFields.remove(WorkOrderProcess.Vars.EXTERNAL_ID);
    ProcessInstance instance = runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, formFields);
    String number = instance.getBusinessKey();
    if (request.externalId() != null) {
      jdbc.update(
          "INSERT INTO intake_submission (channel, external_id, work_order_number, received_at) VALUES (?, ?, ?, ?)",
          request.channel(),
          request.externalId(),
          number,
          new Timestamp(deadlines.now().getTime()));
    }
    return number;
  }

  private Optional<Registration> earlier(IntakeRequest request) {
    return jdbc
        .queryForList(
            "SELECT work_order_number FROM intake_submission WHERE channel = ? AND external_id = ?",
            String.class,
            request.channel(),
            request.externalId())
        .stream()
        .findFirst()
        .flatMap(workOrders::find)
        .map(order -> new Registration(order, false));
  }
}
