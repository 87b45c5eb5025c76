package org.hotline12345.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year of China's working-day calendar as a State Council notice publishes it: the public
 * holidays (days off, weekdays included) and the Saturdays and Sundays declared working days.
 */
public record YearSchedule(
    int year, String source, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {

  public YearSchedule {
    holidays = Set.copyOf(holidays);
    workingWeekends = Set.copyOf(workingWeekends);
  }
}
