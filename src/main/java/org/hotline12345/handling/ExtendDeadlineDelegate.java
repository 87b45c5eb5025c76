package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "延长办理时限": an approved extension moves the handling deadline to the requested date (the
 * request was checked against the one-month limit when the unit made it) and is counted.
 */
@Component
public class ExtendDeadlineDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ExtendDeadlineDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    Date requested = (Date) execution.getVariable(Vars.REQUESTED_DEADLINE);
    execution.setVariable(Vars.HANDLE_DEADLINE, requested);
    execution.setVariable(
        Vars.EXTENSION_COUNT,
        ((Number) execution.getVariable(Vars.EXTENSION_COUNT)).intValue() + 1);
    LOG.info(
        "Work order {}: handling deadline extended to {}",
        execution.getProcessBusinessKey(),
        requested);
  }
}
