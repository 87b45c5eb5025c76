package org.hotline12345.escalation;

/**
 * The descriptor of the {@code handlingEscalation} process: key, message, element ids, variables,
 * forms.
 */
public final class HandlingEscalationProcess {

  public static final String KEY = "handlingEscalation";
  public static final String RESOURCE = "processes/handlingEscalation.bpmn";

  /** Correlated by the work-order number when the unit replies or asks for an extension. */
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
