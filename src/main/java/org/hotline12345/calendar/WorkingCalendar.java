package org.hotline12345.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China's working time: Monday to Friday, minus the public holidays, plus the make-up working days,
 * as the loaded year schedules say, within the working hours of a day. A year without a schedule
 * counts Monday to Friday and says so (a warning per year, and {@link #missingYears}): it is never
 * a silent fall-back.
 */
public class WorkingCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

  /** No holiday in China is near this long; a longer search means the data is broken. */
  private static final int MAX_DAYS_TO_NEXT_WORKING_DAY = 60;

  /** One stretch of working hours in a day, such as 09:00-12:00. */
  public record Hours(LocalTime start, LocalTime end) {
    public Hours {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "working hours end before they start: " + start + "-" + end);
      }
    }

    /** Parses {@code "09:00-12:00,13:30-17:30"}. */
    public static List<Hours> parse(String ranges) {
      List<Hours> hours = new ArrayList<>();
      for (String range : ranges.split(",")) {
        String[] ends = range.trim().split("-");
        if (ends.length != 2) {
          throw new IllegalArgumentException(
              "working hours must read like 09:00-12:00,13:30-17:30: " + ranges);
        }
        hours.add(new Hours(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
      }
      hours.sort(Comparator.comparing(Hours::start));
      for (int i = 1; i < hours.size(); i++) {
        if (hours.get(i).start().isBefore(hours.get(i - 1).end())) {
          throw new IllegalArgumentException("working hours overlap: " + ranges);
        }
      }
      return List.copyOf(hours);
    }
  }

  private final Map<Integer, YearSchedule> years;
  private final List<Hours> hours;
  private final ZoneId zone;
  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(List<YearSchedule> schedules, List<Hours> hours, ZoneId zone) {
    this.years =
        new TreeMap<>(
            schedules.stream()
                .collect(
                    Collectors.toMap(
                        YearSchedule::year,
                        Function.identity(),
                        (a, b) -> {
                          throw new IllegalStateException(
                              "two calendar files for "
                                  + a.year()
                                  + ": "
                                  + a.source()
                                  + " / "
                                  + b.source());
                        })));
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("a working day needs working hours");
    }
    this.hours = List.copyOf(hours);
    this.zone = zone;
  }

  /** The loaded schedules by year. */
  public Map<Integer, YearSchedule> schedules() {
    return years;
  }

  /** Of the given years, those without a schedule. */
  public List<Integer> missingYears(int... wanted) {
    return java.util.Arrays.stream(wanted).filter(y -> !years.containsKey(y)).boxed().toList();
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    YearSchedule schedule = years.get(day.getYear());
    if (schedule == null) {
      if (warned.add(day.getYear())) {
        LOG.warn(
            "No working-day schedule is loaded for {}: counting Monday to Friday without holidays. "
                + "Add calendar/{}.yaml from the State Council's notice.",
            day.getYear(),
            day.getYear());
      }
      return isWeekday(day);
    }
    if (schedule.holidays().contains(day)) {
      return false;
    }
    return schedule.workingWeekends().contains(day) || isWeekday(day);
  }

  /** Whether {@code instant} falls on a working day within working hours. */
  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime t = instant.atZone(zone);
    LocalTime time = t.toLocalTime();
    return isWorkingDay(t.toLocalDate())
        && hours.stream().anyMatch(h -> !time.isBefore(h.start()) && time.isBefore(h.end()));
  }

  /** The first working day after {@code day}. */
  public LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day;
    for (int i = 0; i < MAX_DAYS_TO_NEXT_WORKING_DAY; i++) {
      next = next.plusDays(1);
      if (isWorkingDay(next)) {
        return next;
      }
    }
    throw new IllegalStateException(
        "no working day within " + MAX_DAYS_TO_NEXT_WORKING_DAY + " days after " + day);
  }

  /** The close of business of {@code day}. */
  public Instant endOfWorkingDay(LocalDate day) {
    return day.atTime(hours.get(hours.size() - 1).end()).atZone(zone).toInstant();
  }

  /**
   * A deadline of {@code days} working days from {@code from}: counting starts on the day of {@code
   * from} if that is a working day before close of business, else on the next working day, and the
   * deadline is the close of business {@code days} working days later ({@code 0}: the same working
   * day).
   */
  public Instant addWorkingDays(Instant from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    ZonedDateTime start = from.atZone(zone);
    LocalDate day = start.toLocalDate();
    if (!isWorkingDay(day) || !from.isBefore(endOfWorkingDay(day))) {
      day = nextWorkingDay(day);
    }
    for (int i = 0; i < days; i++) {
      day = nextWorkingDay(day);
    }
    return endOfWorkingDay(day);
  }

  /**
   * The instant {@code amount} of working time after {@code from}, counting only working hours of
   * working days. From outside working time counting starts at the next working moment, so adding
   * nothing then gives that moment.
   */
  public Instant addWorkingHours(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + amount);
    }
    Duration left = amount;
    ZonedDateTime cursor = from.atZone(zone);
    LocalDate day = cursor.toLocalDate();
    // Bounded, so a calendar without working days cannot loop forever; a century reaches any
    // deadline a step can have (a new policy's knowledge gap may be due years ahead).
    for (int i = 0; i < 366 * 100; i++) {
      if (isWorkingDay(day)) {
        for (Hours h : hours) {
          ZonedDateTime start = day.atTime(h.start()).atZone(zone);
          ZonedDateTime end = day.atTime(h.end()).atZone(zone);
          if (!end.isAfter(cursor)) {
            continue;
          }
          ZonedDateTime begin = start.isAfter(cursor) ? start : cursor;
          Duration available = Duration.between(begin, end);
          if (left.compareTo(available) <= 0) {
            return begin.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      day = day.plusDays(1);
      cursor = day.atStartOfDay(zone);
    }
    throw new IllegalArgumentException("working time too long to add: " + amount);
  }

  /** The first working day's {@code time} after {@code from} (the same day if still ahead). */
  public Instant nextWorkingDayAt(Instant from, LocalTime time) {
    LocalDate day = from.atZone(zone).toLocalDate();
    Instant sameDay = day.atTime(time).atZone(zone).toInstant();
    if (isWorkingDay(day) && sameDay.isAfter(from)) {
      return sameDay;
    }
    return nextWorkingDay(day).atTime(time).atZone(zone).toInstant();
  }

  /** The working time between two instants (zero if {@code to} is not after {@code from}). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    for (LocalDate day = from.atZone(zone).toLocalDate();
        !day.isAfter(to.atZone(zone).toLocalDate());
        day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (Hours h : hours) {
        Instant start = max(day.atTime(h.start()).atZone(zone).toInstant(), from);
        Instant end = min(day.atTime(h.end()).atZone(zone).toInstant(), to);
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
