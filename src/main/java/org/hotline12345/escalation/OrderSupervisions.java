package org.hotline12345.escalation;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.hotline12345.security.AsSystem;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Service;

/**
 * Supervision a supervisor opens by hand on any work order (hot issues, repeated complaints): a
 * ledger entry that stays open, as a task in the supervisors' queue, until the order is done.
 */
@Service
public class OrderSupervisions {

  /** Why an order could not be put under supervision. */
  public enum Refusal {
    NO_SUCH_ORDER,
    ALREADY_CLOSED,
    ALREADY_SUPERVISED
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;

  public OrderSupervisions(
      RuntimeService runtime, HistoryService history, IdentityService identity) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
  }

  /** Opens supervision on the order, or says why not. */
  public Optional<Refusal> open(String number, String reason, String supervisor) {
    HistoricProcessInstance order =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    if (order == null) {
      return Optional.of(Refusal.NO_SUCH_ORDER);
    }
    if (order.getEndTime() != null) {
      return Optional.of(Refusal.ALREADY_CLOSED);
    }
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(OrderSupervisionProcess.KEY)
            .processInstanceBusinessKey(number)
            .count()
        > 0) {
      return Optional.of(Refusal.ALREADY_SUPERVISED);
    }
    // The process has no start form, so a person may not start it with variables
    // (security/RecordGuard): the API has checked the supervisor and records who opened it.
    AsSystem.call(
        identity,
        () ->
            runtime.startProcessInstanceByKey(
                OrderSupervisionProcess.KEY,
                number,
                Map.of(
                    WorkOrderProcess.Vars.WORK_ORDER_NUMBER, number,
                    OrderSupervisionProcess.Vars.SUPERVISION_REASON, reason,
                    OrderSupervisionProcess.Vars.OPENED_BY, supervisor)));
    return Optional.empty();
  }

  /** Whether the order is done (closed), so its supervision may be closed. */
  public boolean isDone(String number) {
    HistoricProcessInstance order =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    return order != null && order.getEndTime() != null;
  }
}
