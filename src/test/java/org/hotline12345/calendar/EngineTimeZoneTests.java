package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.ShanghaiTime.at;

import java.util.TimeZone;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs in Shanghai time whatever the host's zone: Maven starts the test JVM in UTC
 * ({@code -Duser.timezone=UTC}) on purpose, and the application must switch it.
 */
@HotlineSpringTest
class EngineTimeZoneTests {

  @Autowired Deadlines deadlines;

  @Test
  void theApplicationRunsInShanghaiTimeOnAHostInAnotherZone() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    assertThat(deadlines.zone().getId()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aHandlingDeadlineEndsAtCloseOfBusinessShanghaiTimeNotUtc() {
    assertThat(deadlines.handleDeadline(at("2026-11-20T10:00"), 0))
        .isEqualTo(at("2026-11-20T17:30"));
    assertThat(deadlines.dayOf(at("2026-11-21T07:00")).toString()).isEqualTo("2026-11-21");
  }
}
