package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.ShanghaiTime.at;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A year without a holiday schedule is visible in the health endpoint, never silent. */
@HotlineSpringTest
class WorkingCalendarHealthTests {

  @Autowired WorkingCalendarHealth health;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void nextYearWithoutAScheduleIsAWarning() {
    ClockUtil.setCurrentTime(at("2026-11-21T10:00"));

    var report = health.health();

    assertThat(report.getStatus()).isEqualTo(Status.UP);
    assertThat(report.getDetails()).containsEntry("missingYears", java.util.List.of(2027));
    assertThat(report.getDetails().get("warning").toString()).contains("2027");
  }

  @Test
  void thisYearWithoutAScheduleIsDown() {
    ClockUtil.setCurrentTime(at("2027-01-05T10:00"));

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void theHealthEndpointShowsTheLoadedYearsAndTheirNotices() {
    var calendar =
        ApiClient.as(port, "demo")
            .get("/actuator/health")
            .json()
            .path("components")
            .path("workingCalendar");

    assertThat(calendar.path("details").path("years").toString()).contains("2025", "2026");
    assertThat(calendar.path("details").path("source2025").asText()).contains("国办发明电〔2024〕12号");
  }
}
