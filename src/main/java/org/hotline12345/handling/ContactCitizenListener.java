package org.hotline12345.handling;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.workorder.Actors;
import org.springframework.stereotype.Component;

/** On completing "联系诉求人": records who called the citizen, when, and whether before the deadline. */
@Component
public class ContactCitizenListener implements TaskListener {

  private final Deadlines deadlines;

  public ContactCitizenListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    Date now = deadlines.now();
    task.setVariable(Vars.CONTACTED_AT, now);
    task.setVariable(Vars.CONTACTED_BY, Actors.whoCompleted(task));
    task.setVariable(
        Vars.CONTACTED_IN_TIME, !now.after((Date) task.getVariable(Vars.CONTACT_DEADLINE)));
  }
}
