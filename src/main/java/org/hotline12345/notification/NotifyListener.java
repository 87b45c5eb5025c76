package org.hotline12345.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The step sends a message: {@code ${notifyListener}} as a task or execution listener, with the
 * field {@code message} naming the template (notifications/&lt;message&gt;.txt), so the model shows
 * which step sends what. A prototype, because the engine injects the field into the instance it
 * gets for each call.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotifyListener implements TaskListener, ExecutionListener {

  /** The listener's field that names the template. */
  public static final String MESSAGE_FIELD = "message";

  private final Notifications notifications;
  private Expression message;

  NotifyListener(Notifications notifications) {
    this.notifications = notifications;
  }

  /** Set by the engine from {@code <camunda:field name="message">}. */
  public void setMessage(Expression message) {
    this.message = message;
  }

  @Override
  public void notify(DelegateTask task) {
    notifications.queue(
        template(task.getExecution()),
        new Notifications.Step(
            task.getProcessInstanceId(),
            task.getExecution().getProcessBusinessKey(),
            task.getTaskDefinitionKey(),
            task::getVariable));
  }

  @Override
  public void notify(DelegateExecution execution) {
    String element =
        execution.getCurrentTransitionId() != null
            ? execution.getCurrentTransitionId()
            : execution.getCurrentActivityId();
    notifications.queue(
        template(execution),
        new Notifications.Step(
            execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(),
            element,
            execution::getVariable));
  }

  private String template(DelegateExecution execution) {
    if (message == null) {
      throw new IllegalStateException(
          "${notifyListener} at "
              + execution.getCurrentActivityId()
              + " needs the field \"message\" naming a template");
    }
    return String.valueOf(message.getValue(execution));
  }
}
