package org.hotline12345.revisit;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/** On completing "回访市民": records who called the citizen back. */
@Component
public class RevisitCitizenListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(Vars.REVISITED_BY, Actors.whoCompleted(task));
  }
}
