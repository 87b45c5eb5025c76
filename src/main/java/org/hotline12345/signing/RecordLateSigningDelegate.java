package org.hotline12345.signing;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Task "记录超时签收": the signing deadline passed with the order unsigned; the order is marked late. */
@Component
public class RecordLateSigningDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordLateSigningDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.SIGN_OVERDUE, true);
    LOG.warn(
        "Work order {} not signed by {} before its deadline {}",
        execution.getProcessBusinessKey(),
        execution.getVariable(Vars.UNIT),
        execution.getVariable(Vars.SIGN_DEADLINE));
  }
}
