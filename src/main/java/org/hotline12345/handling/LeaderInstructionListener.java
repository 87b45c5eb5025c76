package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/**
 * On completing "领导批示": records which leader instructed and when (the instruction itself is the
 * form's).
 */
@Component
public class LeaderInstructionListener implements TaskListener {

  private final Deadlines deadlines;

  public LeaderInstructionListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(Vars.INSTRUCTED_BY, Actors.whoCompleted(task));
    task.setVariable(Vars.INSTRUCTED_AT, deadlines.now());
  }
}
