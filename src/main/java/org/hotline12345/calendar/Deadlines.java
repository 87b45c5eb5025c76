package org.hotline12345.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes every deadline of a work order, from the limits the decision tables give.
 *
 * <p>Signing limits run on the clock, day and night (units sign around the clock). Handling limits
 * count working days on China's calendar ({@link WorkingCalendar}). A livelihood request registered
 * outside working time must be answered by a call before 10:00 of the next working day.
 *
 * <p>Why here and not in a Camunda {@code BusinessCalendar}: each deadline is computed once, stored
 * as a process variable, and the model feeds that same value to the timer ({@code timeDate}) and to
 * the task's due date. Tasklist, the timer, the API and the assessment therefore all see one
 * instant, a deadline does not move when the calendar files change later, and the process owner
 * sees in Modeler which variable each timer waits for. A business calendar would apply only to
 * timer and due-date expressions and would need this logic a second time for the variables. All
 * time comes from the engine's clock, so process tests move it with {@link ClockUtil}.
 */
@Service
public class Deadlines {

  private final WorkingCalendar calendar;
  private final LocalTime contactBy;

  public Deadlines(
      WorkingCalendar calendar,
      @Value("${hotline.calendar.next-working-day-contact-by:10:00}") String contactBy) {
    this.calendar = calendar;
    this.contactBy = LocalTime.parse(contactBy);
  }

  /** The engine's current time. */
  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The day an instant falls on in the hotline's zone. */
  public java.time.LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(calendar.zone()).toLocalDate();
  }

  /**
   * The signing deadline for an order that reached its unit at {@code reachedUnit}, on the clock.
   *
   * @param signLimit an ISO-8601 duration such as {@code PT30M} or {@code PT4H}
   */
  public Date signDeadline(Date reachedUnit, String signLimit) {
    java.time.Duration limit = java.time.Duration.parse(signLimit);
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("signing limit must be positive: " + signLimit);
    }
    return Date.from(reachedUnit.toInstant().plus(limit));
  }

  /**
   * The handling deadline for an order signed at {@code signedAt}: close of business {@code days}
   * working days later ({@code 0}: the same working day), see {@link
   * WorkingCalendar#addWorkingDays}.
   */
  public Date handleDeadline(Date signedAt, int days) {
    return Date.from(calendar.addWorkingDays(signedAt.toInstant(), days));
  }

  /**
   * When a livelihood request registered at {@code registeredAt} must have been answered by a call:
   * 10:00 of the next working day if it came outside working time, none if it came within.
   */
  public Optional<Date> nextWorkingDayContactDeadline(Date registeredAt) {
    if (calendar.isWorkingTime(registeredAt.toInstant())) {
      return Optional.empty();
    }
    return Optional.of(Date.from(calendar.nextWorkingDayAt(registeredAt.toInstant(), contactBy)));
  }

  /**
   * The instant when {@code share} of the working time from {@code from} to {@code deadline} is
   * used.
   */
  public Date shareOfWorkingTime(Date from, Date deadline, double share) {
    java.time.Duration span = calendar.workingTimeBetween(from.toInstant(), deadline.toInstant());
    return Date.from(
        calendar.addWorkingHours(
            from.toInstant(), java.time.Duration.ofSeconds(Math.round(span.toSeconds() * share))));
  }

  /** Close of business {@code days} working days after {@code instant}. */
  public Date workingDaysAfter(Date instant, int days) {
    return Date.from(calendar.addWorkingDays(instant.toInstant(), days));
  }

  public ZoneId zone() {
    return calendar.zone();
  }
}
