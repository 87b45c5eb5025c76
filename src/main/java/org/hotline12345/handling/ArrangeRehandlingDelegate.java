package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Task "安排重办": the citizen was not satisfied; the order goes back to the same unit with a new
 * handling deadline counted from now, and the re-handling is counted.
 */
@Component
public class ArrangeRehandlingDelegate implements JavaDelegate {

  private final Deadlines deadlines;

  public ArrangeRehandlingDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = deadlines.now();
    int handleLimitDays = ((Number) execution.getVariable(Vars.HANDLE_LIMIT_DAYS)).intValue();
    execution.setVariable(
        Vars.REHANDLING_COUNT,
        ((Number) execution.getVariable(Vars.REHANDLING_COUNT)).intValue() + 1);
    Date handleDeadline = deadlines.handleDeadline(now, handleLimitDays);
    execution.setVariable(Vars.HANDLE_DEADLINE, handleDeadline);
    execution.setVariable(Vars.ORIGINAL_HANDLE_DEADLINE, handleDeadline);
  }
}
