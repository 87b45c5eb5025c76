package org.hotline12345.calendar;

import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "workingCalendar": the years loaded and a warning for this
 * year or next year without a schedule. Down when this year has none, because every deadline
 * counted in working days is then wrong.
 */
@Component("workingCalendarHealthIndicator")
class WorkingCalendarHealth implements HealthIndicator {

  private final WorkingCalendar calendar;

  WorkingCalendarHealth(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    int thisYear =
        ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone()).getYear();
    List<Integer> missing = calendar.missingYears(thisYear, thisYear + 1);
    Health.Builder health = missing.contains(thisYear) ? Health.down() : Health.up();
    health.withDetail("years", calendar.schedules().keySet());
    calendar.schedules().values().forEach(s -> health.withDetail("source" + s.year(), s.source()));
    if (!missing.isEmpty()) {
      health
          .withDetail("missingYears", missing)
          .withDetail("warning", "没有加载 " + missing + " 年的节假日安排：这些年份的工作日按周一至周五计算");
    }
    return health.build();
  }
}
