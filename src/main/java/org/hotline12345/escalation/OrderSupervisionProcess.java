package org.hotline12345.escalation;

/**
 * The descriptor of the {@code orderSupervision} process: supervision a supervisor opens by hand.
 */
public final class OrderSupervisionProcess {

  public static final String KEY = "orderSupervision";

  private OrderSupervisionProcess() {}

  /** Element ids of processes/orderSupervision.bpmn. */
  public static final class Elements {
    public static final String TASK_SUPERVISE_HOT_ORDER = "Task_SuperviseHotOrder";
    public static final String END_SUPERVISION_CLOSED = "EndEvent_SupervisionClosed";

    private Elements() {}
  }

  /** Variables of the supervision. */
  public static final class Vars {
    public static final String SUPERVISION_REASON = "supervisionReason";
    public static final String OPENED_BY = "supervisionOpenedBy";

    private Vars() {}
  }
}
