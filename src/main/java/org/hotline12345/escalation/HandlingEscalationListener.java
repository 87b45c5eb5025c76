package org.hotline12345.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On a work-order step with a deadline ({@link EscalatedStep}): created, the escalation ladder
 * starts; completed or withdrawn (deleted), it stops.
 */
@Component
public class HandlingEscalationListener implements TaskListener {

  private final HandlingEscalations escalations;

  public HandlingEscalationListener(HandlingEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    EscalatedStep step =
        EscalatedStep.ofTask(task.getTaskDefinitionKey())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        task.getTaskDefinitionKey() + " is not a step the ladder watches"));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      escalations.start(task, step);
    } else {
      escalations.stop(task, step);
    }
  }
}
