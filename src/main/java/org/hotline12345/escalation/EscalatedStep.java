package org.hotline12345.escalation;

import static org.hotline12345.workorder.WorkOrderProcess.Elements;
import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.Arrays;
import java.util.Optional;
import org.hotline12345.knowledge.KnowledgeGapProcess;

/**
 * The steps that feed the escalation ladder: each is a user task with a deadline, of a work order
 * or of a knowledge gap, and the ladder marks its process instance warned and overdue in that
 * step's own variables. Signing limits run on the clock (30 minutes or 4 hours, day and night), so
 * their warning comes at 75% of the clock time; the others at 75% of the working time.
 */
public enum EscalatedStep {
  SIGNING(
      Elements.TASK_SIGN_WORK_ORDER,
      "签收工单",
      Vars.SIGN_DEADLINE,
      true,
      Vars.SIGNING_WARNED,
      Vars.SIGN_OVERDUE),
  CONTACT(
      Elements.TASK_CONTACT_CITIZEN,
      "次日10点前联系诉求人",
      Vars.CONTACT_DEADLINE,
      false,
      Vars.CONTACT_WARNED,
      Vars.CONTACT_OVERDUE),
  HANDLING(
      Elements.TASK_HANDLE_WORK_ORDER,
      "办理工单",
      Vars.HANDLE_DEADLINE,
      false,
      Vars.HANDLING_WARNED,
      Vars.HANDLE_OVERDUE),
  CO_SIGNING(
      Elements.TASK_SIGN_CO_HANDLING,
      "协办签收",
      Vars.CO_SIGN_DEADLINE,
      true,
      Vars.CO_HANDLING_WARNED,
      Vars.CO_HANDLING_OVERDUE),
  CO_HANDLING(
      Elements.TASK_CONTRIBUTE_CO_HANDLING,
      "协办反馈",
      Vars.CO_HANDLING_DEADLINE,
      false,
      Vars.CO_HANDLING_WARNED,
      Vars.CO_HANDLING_OVERDUE),
  /** A knowledge gap: the unit writes the missing answer (process knowledgeGap). */
  KNOWLEDGE_GAP(
      KnowledgeGapProcess.Elements.TASK_WRITE_ANSWER,
      "补充知识库答复口径",
      KnowledgeGapProcess.Vars.DEADLINE,
      false,
      KnowledgeGapProcess.Vars.GAP_WARNED,
      KnowledgeGapProcess.Vars.GAP_OVERDUE);

  private final String task;
  private final String displayName;
  private final String deadlineVariable;
  private final boolean onTheClock;
  private final String warnedVariable;
  private final String overdueVariable;

  EscalatedStep(
      String task,
      String displayName,
      String deadlineVariable,
      boolean onTheClock,
      String warnedVariable,
      String overdueVariable) {
    this.task = task;
    this.displayName = displayName;
    this.deadlineVariable = deadlineVariable;
    this.onTheClock = onTheClock;
    this.warnedVariable = warnedVariable;
    this.overdueVariable = overdueVariable;
  }

  /** The step a task of the work order is, if it feeds the ladder. */
  public static Optional<EscalatedStep> ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(s -> s.task.equals(taskDefinitionKey)).findFirst();
  }

  /** The step's name as staff know it, shown on the supervisors' forms. */
  public String displayName() {
    return displayName;
  }

  /** The work-order variable holding this step's deadline. */
  public String deadlineVariable() {
    return deadlineVariable;
  }

  /** Whether the limit runs on the clock rather than in working time. */
  public boolean onTheClock() {
    return onTheClock;
  }

  /** The work-order variable the warning rung sets. */
  public String warnedVariable() {
    return warnedVariable;
  }

  /** The work-order variable the overdue rung sets. */
  public String overdueVariable() {
    return overdueVariable;
  }

  /** Whose step it is: the lead unit, or for co-handling the co-unit. */
  String unitVariable() {
    return this == CO_SIGNING || this == CO_HANDLING ? Vars.CO_UNIT : Vars.UNIT;
  }
}
