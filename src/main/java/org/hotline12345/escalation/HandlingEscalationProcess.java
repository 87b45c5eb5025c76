package org.hotline12345.escalation;

/**
 * The descriptor of the {@code handlingEscalation} process: key, message, element ids, variables,
 * forms.
 */
public final class HandlingEscalationProcess {

  public static final String KEY = "handlingEscalation";
  public static final String RESOURCE = "processes/handlingEscalation.bpmn";

  /**
   * Correlated by the work-order number, the step and the unit when the unit completes the step
   * (for handling: replies or asks for an extension).
   */
  public static final String MESSAGE_HANDLING_ENDED = "handlingEnded";

  private HandlingEscalationProcess() {}

  /** Element ids of processes/handlingEscalation.bpmn. */
  public static final class Elements {
    public static final String TIMER_HANDLING_WARNING = "Timer_HandlingWarning";
    public static final String TASK_RECORD_HANDLING_WARNING = "Task_RecordHandlingWarning";
    public static final String TIMER_HANDLING_OVERDUE = "Timer_HandlingOverdue";
    public static final String TASK_RECORD_HANDLING_OVERDUE = "Task_RecordHandlingOverdue";
    public static final String TIMER_ESCALATE_TO_SUPERVISORS = "Timer_EscalateToSupervisors";
    public static final String TASK_SUPERVISE_OVERDUE_ORDER = "Task_SuperviseOverdueOrder";
    public static final String TIMER_ESCALATE_TO_OFFICE = "Timer_EscalateToOffice";
    public static final String TASK_OFFICE_SUPERVISION = "Task_OfficeSupervision";
    public static final String END_ESCALATION_STOPPED = "EndEvent_EscalationStopped";

    private Elements() {}
  }

  /**
   * Variables of the escalation process (the order's own variables keep their work-order names).
   */
  public static final class Vars {
    public static final String WORK_ORDER_INSTANCE = "workOrderInstanceId";

    /** Which step of the order the ladder watches: an {@link EscalatedStep} name. */
    public static final String ESCALATED_STEP = "escalatedStep";

    /** The step's name as staff know it (签收工单, 办理工单, ...). */
    public static final String ESCALATED_STEP_NAME = "escalatedStepName";

    /** The step's deadline: the overdue rung fires then. */
    public static final String ESCALATION_DEADLINE = "escalationDeadline";

    public static final String WARNING_AT = "warningAt";
    public static final String ESCALATE_AT = "escalateAt";
    public static final String OFFICE_AT = "officeAt";
    public static final String SUPERVISION_NOTE = "supervisionNote";
    public static final String OFFICE_SUPERVISION_NOTE = "officeSupervisionNote";

    private Vars() {}
  }

  /** Form ids of the escalation's human steps. */
  public static final class Forms {
    public static final String SUPERVISE_OVERDUE_ORDER = "superviseOverdueOrder";
    public static final String OFFICE_SUPERVISION = "officeSupervision";

    private Forms() {}
  }
}
