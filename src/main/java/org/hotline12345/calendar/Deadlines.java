package org.hotline12345.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes every deadline of a work order, from the limits the priority table decides.
 *
 * <p>Signing limits run on the clock, day and night. Handling limits are counted in whole days
 * after the day the order was signed and end at the close of that day; until the working-day
 * calendar exists they count calendar days. All time comes from the engine's clock, so process
 * tests move it with {@link ClockUtil}.
 */
@Service
public class Deadlines {

  /** A deadline "by the end of the day" is the last minute of that day. */
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private final ZoneId zone;

  public Deadlines(
      @Value("${" + EngineTimeZone.PROPERTY + ":" + EngineTimeZone.DEFAULT_ZONE + "}")
          String zone) {
    this.zone = ZoneId.of(zone);
  }

  /** The engine's current time. */
  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The day an instant falls on in the hotline's zone. */
  public LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(zone).toLocalDate();
  }

  /**
   * The signing deadline for an order that reached its unit at {@code reachedUnit}.
   *
   * @param signLimit an ISO-8601 duration such as {@code PT30M} or {@code PT4H}
   */
  public Date signDeadline(Date reachedUnit, String signLimit) {
    Duration limit = Duration.parse(signLimit);
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("signing limit must be positive: " + signLimit);
    }
    return Date.from(reachedUnit.toInstant().plus(limit));
  }

  /**
   * The handling deadline for an order signed at {@code signedAt}: the end of the day {@code days}
   * days after the signing day ({@code 0} means the same day).
   */
  public Date handleDeadline(Date signedAt, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("handling limit must not be negative: " + days);
    }
    ZonedDateTime due = dayOf(signedAt).plusDays(days).atTime(END_OF_DAY).atZone(zone);
    return Date.from(due.toInstant());
  }

  public ZoneId zone() {
    return zone;
  }
}
