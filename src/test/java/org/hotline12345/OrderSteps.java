package org.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;

/**
 * Works a water-supply order's steps as the process would have them, through the Java API without a
 * logged-in user (so no guard or form check of the HTTP paths is in the way): for tests whose
 * subject is what happens around those steps.
 */
public final class OrderSteps {

  private final TaskService tasks;
  private final RuntimeService runtime;

  public OrderSteps(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** Claims the order's open task {@code taskKey} for {@code assignee} and completes it. */
  public void work(String order, String taskKey, String assignee, Map<String, Object> variables) {
    Task task = openTask(order, taskKey);
    tasks.claim(task.getId(), assignee);
    tasks.complete(task.getId(), variables);
  }

  /** The water company signs (its leader instructs, if the order is urgent) and replies. */
  public void replied(String order) {
    work(order, Elements.TASK_SIGN_WORK_ORDER, "water1", Map.of());
    if (tasks
            .createTaskQuery()
            .processInstanceBusinessKey(order)
            .taskDefinitionKey(Elements.TASK_LEADER_INSTRUCTION)
            .count()
        > 0) {
      work(
          order,
          Elements.TASK_LEADER_INSTRUCTION,
          "waterLeader1",
          Map.of(Vars.LEADER_INSTRUCTION, "立即处理"));
    }
    work(
        order,
        Elements.TASK_HANDLE_WORK_ORDER,
        "water1",
        Map.of(
            Vars.HANDLING_RESULT,
            "RESOLVED",
            Vars.REPLY_CONTENT,
            "已恢复供水",
            Vars.CITIZEN_CONTACTED,
            true));
  }

  /** Replied, accepted by the reviewer, the citizen satisfied: the order is closed. */
  public void closed(String order) {
    replied(order);
    work(order, Elements.TASK_REVIEW_REPLY, "reviewer1", Map.of(Vars.REVIEW_DECISION, "ACCEPTED"));
    work(
        order,
        Elements.TASK_REVISIT_CITIZEN,
        "revisit1",
        Map.of(Vars.CITIZEN_REACHED, "REACHED", Vars.SATISFACTION, "SATISFIED"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(order)
                .processDefinitionKey(WorkOrderProcess.KEY)
                .count())
        .as("the order is closed")
        .isZero();
  }

  public Task openTask(String order, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(order)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }
}
