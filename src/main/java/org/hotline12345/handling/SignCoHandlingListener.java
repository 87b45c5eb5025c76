package org.hotline12345.handling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "协办签收": see {@link CoHandling#signed}. */
@Component
public class SignCoHandlingListener implements TaskListener {

  private final CoHandling coHandling;

  public SignCoHandlingListener(CoHandling coHandling) {
    this.coHandling = coHandling;
  }

  @Override
  public void notify(DelegateTask task) {
    coHandling.signed(task);
  }
}
