package org.hotline12345.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the calendar files (one YAML file per year, {@code calendar/2026.yaml}) that a process
 * owner keeps. A file that contradicts itself stops the start with a message naming the file and
 * entry: a wrong calendar silently moves every deadline.
 */
public final class CalendarFiles {

  private CalendarFiles() {}

  /** Every file matching the Spring resource pattern, e.g. {@code classpath*:calendar/*.yaml}. */
  public static List<YearSchedule> read(String locationPattern) {
    try {
      List<YearSchedule> years = new ArrayList<>();
      for (Resource file :
          new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
        try (InputStream in = file.getInputStream()) {
          years.add(parse(file.getFilename(), in));
        }
      }
      return years;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calendar files " + locationPattern, e);
    }
  }

  /** One year's file; {@code name} is used in error messages. */
  public static YearSchedule parse(String name, InputStream yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(loaded instanceof Map<?, ?> root)) {
      throw invalid(name, "is not a YAML mapping with year, source, holidays and workingWeekends");
    }
    if (!(root.get("year") instanceof Integer year)) {
      throw invalid(name, "'year' must be a number such as 2026");
    }
    if (!(root.get("source") instanceof String source) || source.isBlank()) {
      throw invalid(name, "'source' must name the notice the dates come from");
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (Map<?, ?> holiday : entries(name, root, "holidays")) {
      String label = "holidays '" + holiday.get("name") + "'";
      LocalDate from = date(name, label + " from", holiday.get("from"), year);
      LocalDate to = date(name, label + " to", holiday.get("to"), year);
      if (to.isBefore(from)) {
        throw invalid(name, label + ": 'to' " + to + " is before 'from' " + from);
      }
      from.datesUntil(to.plusDays(1)).forEach(holidays::add);
    }
    Set<LocalDate> workingWeekends = new HashSet<>();
    for (Map<?, ?> day : entries(name, root, "workingWeekends")) {
      String label = "workingWeekends '" + day.get("name") + "'";
      LocalDate date = date(name, label + " date", day.get("date"), year);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw invalid(
            name,
            label + ": " + date + " is a " + date.getDayOfWeek() + ", not a Saturday or Sunday");
      }
      if (holidays.contains(date)) {
        throw invalid(name, label + ": " + date + " is also a holiday");
      }
      workingWeekends.add(date);
    }
    return new YearSchedule(year, source, holidays, workingWeekends);
  }

  private static List<Map<?, ?>> entries(String name, Map<?, ?> root, String key) {
    Object list = root.get(key);
    if (list == null) {
      return List.of();
    }
    if (!(list instanceof List<?> items) || !items.stream().allMatch(Map.class::isInstance)) {
      throw invalid(name, "'" + key + "' must be a list of entries");
    }
    return items.stream().<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
  }

  private static LocalDate date(String name, String what, Object value, int year) {
    LocalDate date;
    if (value instanceof Date d) {
      date = d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof String s) {
      try {
        date = LocalDate.parse(s);
      } catch (java.time.DateTimeException e) {
        throw invalid(name, what + ": '" + s + "' is not a date yyyy-mm-dd");
      }
    } else {
      throw invalid(name, what + " is missing or not a date yyyy-mm-dd");
    }
    if (date.getYear() != year) {
      throw invalid(name, what + ": " + date + " is not in " + year);
    }
    return date;
  }

  private static IllegalStateException invalid(String name, String problem) {
    return new IllegalStateException("Calendar file " + name + ": " + problem);
  }
}
