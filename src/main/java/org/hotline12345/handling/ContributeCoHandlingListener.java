package org.hotline12345.handling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "协办反馈": see {@link CoHandling#contributed}. */
@Component
public class ContributeCoHandlingListener implements TaskListener {

  private final CoHandling coHandling;

  public ContributeCoHandlingListener(CoHandling coHandling) {
    this.coHandling = coHandling;
  }

  @Override
  public void notify(DelegateTask task) {
    coHandling.contributed(task);
  }
}
