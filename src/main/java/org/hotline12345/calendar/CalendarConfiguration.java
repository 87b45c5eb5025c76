package org.hotline12345.calendar;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working calendar, read once at start from the calendar files ({@code hotline.calendar.files},
 * by default the ones shipped in {@code calendar/}; an administrator may point it at a folder of
 * their own) and the working hours ({@code hotline.calendar.working-hours}).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  WorkingCalendar workingCalendar(
      @Value("${hotline.calendar.files:classpath*:calendar/*.yaml}") String files,
      @Value("${hotline.calendar.working-hours:09:00-12:00,13:30-17:30}") String workingHours,
      @Value("${" + EngineTimeZone.PROPERTY + ":" + EngineTimeZone.DEFAULT_ZONE + "}")
          String zone) {
    List<YearSchedule> schedules = CalendarFiles.read(files);
    WorkingCalendar calendar =
        new WorkingCalendar(schedules, WorkingCalendar.Hours.parse(workingHours), ZoneId.of(zone));
    int thisYear =
        ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone()).getYear();
    LOG.info("Working calendar loaded for {} from {}", calendar.schedules().keySet(), files);
    List<Integer> missing = calendar.missingYears(thisYear, thisYear + 1);
    if (!missing.isEmpty()) {
      LOG.warn(
          "No working-day schedule for {}: deadlines in those years count Monday to Friday without "
              + "holidays until the State Council's notice is added to the calendar files",
          missing);
    }
    return calendar;
  }
}
