package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/**
 * On completing "办理工单": records who replied and when, and whether the reply met the handling
 * deadline.
 */
@Component
public class HandleWorkOrderListener implements TaskListener {

  private final Deadlines deadlines;

  public HandleWorkOrderListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    Date now = deadlines.now();
    Date handleDeadline = (Date) task.getVariable(Vars.HANDLE_DEADLINE);
    task.setVariable(Vars.REPLIED_AT, now);
    task.setVariable(Vars.REPLIED_BY, Actors.whoCompleted(task));
    task.setVariable(Vars.HANDLED_IN_TIME, !now.after(handleDeadline));
  }
}
