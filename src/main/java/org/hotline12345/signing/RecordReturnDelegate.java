package org.hotline12345.signing;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.security.OrderGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "登记退单": the unit returned the order as not its business. The return is counted and which
 * unit returned it recorded (each update of {@code returnedUnit} stays in the history, so returns
 * can be counted per unit); the unit loses sight of the order; a dispatcher re-routes or upholds
 * it, or a supervisor once the returns reach {@code maxReturns}.
 */
@Component
public class RecordReturnDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordReturnDelegate.class);

  private final OrderGrants grants;

  public RecordReturnDelegate(OrderGrants grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String unit = (String) execution.getVariable(Vars.UNIT);
    int returns = ((Number) execution.getVariable(Vars.RETURN_COUNT)).intValue() + 1;
    execution.setVariable(Vars.RETURN_COUNT, returns);
    execution.setVariable(Vars.RETURNED_UNIT, unit);
    // The next unit's signing starts afresh.
    execution.removeVariable(Vars.SIGN_ACTION);
    grants.revokeUnit(unit, execution.getProcessInstanceId());
    LOG.info(
        "Work order {} returned by {} ({} return(s))",
        execution.getProcessBusinessKey(),
        unit,
        returns);
  }
}
