package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On "办理工单": created, the escalation ladder starts; completed, it stops. */
@Component
public class HandlingEscalationListener implements TaskListener {

  private final HandlingEscalations escalations;

  public HandlingEscalationListener(HandlingEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      escalations.start(task);
    } else {
      escalations.stop(task);
    }
  }
}
