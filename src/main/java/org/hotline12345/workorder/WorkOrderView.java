package org.hotline12345.workorder;

import java.time.OffsetDateTime;

/**
 * What the API tells about a work order: its number, where it stands, who handles it, its deadlines
 * and, once closed, its outcome. No personal data of the caller.
 */
public record WorkOrderView(
    String number,
    String status,
    String stage,
    String stageName,
    String channel,
    String requestType,
    String category,
    String district,
    Boolean urgent,
    String priority,
    String unit,
    String unitName,
    Deadlines deadlines,
    Outcome outcome) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  /** The order's deadlines and when each step happened; a missing value has not happened yet. */
  public record Deadlines(
      OffsetDateTime registeredAt,
      OffsetDateTime dispatchedAt,
      OffsetDateTime signDeadline,
      OffsetDateTime signedAt,
      Boolean signedInTime,
      OffsetDateTime handleDeadline,
      OffsetDateTime repliedAt,
      Boolean handledInTime,
      OffsetDateTime contactDeadline,
      OffsetDateTime contactedAt,
      Boolean contactedInTime) {}

  /** How the order ended; null while it is open. */
  public record Outcome(
      String result,
      String handlingResult,
      String satisfaction,
      Integer sendBackCount,
      Integer rehandlingCount,
      Boolean firstContactResolution,
      Integer returnCount,
      Integer extensionCount,
      OffsetDateTime closedAt) {}
}
