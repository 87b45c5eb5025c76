package org.hotline12345.workorder;

import java.util.Arrays;
import java.util.Optional;

/** Where a work order stands, named after the user task it waits in. */
public enum Stage {
  ANSWERING(WorkOrderProcess.Elements.TASK_ANSWER_FROM_KNOWLEDGE, "待知识库答复"),
  DISPATCHING(WorkOrderProcess.Elements.TASK_CHOOSE_UNIT, "待派单"),
  SIGNING(WorkOrderProcess.Elements.TASK_SIGN_WORK_ORDER, "待签收"),
  INSTRUCTING(WorkOrderProcess.Elements.TASK_LEADER_INSTRUCTION, "待领导批示"),
  HANDLING(WorkOrderProcess.Elements.TASK_HANDLE_WORK_ORDER, "办理中"),
  EXTENSION_REVIEW(WorkOrderProcess.Elements.TASK_REVIEW_EXTENSION, "待审批延期"),
  REVIEWING(WorkOrderProcess.Elements.TASK_REVIEW_REPLY, "待审核"),
  REVISITING(WorkOrderProcess.Elements.TASK_REVISIT_CITIZEN, "待回访"),
  JUDGING(WorkOrderProcess.Elements.TASK_JUDGE_RESPONSIBILITY, "待判定责任"),
  CLOSED(WorkOrderProcess.Elements.END_WORK_ORDER_CLOSED, "已办结");

  private final String elementId;
  private final String displayName;

  Stage(String elementId, String displayName) {
    this.elementId = elementId;
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Stage> ofElement(String elementId) {
    return Arrays.stream(values()).filter(s -> s.elementId.equals(elementId)).findFirst();
  }
}
