package org.hotline12345.escalation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.forms.FormValidationException;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Component;

/** On completing "跟踪督办": supervision is closed only when the order is done (办结销号). */
@Component
public class SuperviseHotOrderListener implements TaskListener {

  private final OrderSupervisions supervisions;

  public SuperviseHotOrderListener(OrderSupervisions supervisions) {
    this.supervisions = supervisions;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = (String) task.getVariable(WorkOrderProcess.Vars.WORK_ORDER_NUMBER);
    if (!supervisions.isDone(number)) {
      throw new FormValidationException(
          List.of(
              new FieldViolation(
                  HandlingEscalationProcess.Vars.SUPERVISION_NOTE, "工单 " + number + " 尚未办结，不能销号")));
    }
  }
}
