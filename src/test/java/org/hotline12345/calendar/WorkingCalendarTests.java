package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The working calendar on real dates, read from the shipped calendar files (the State Council's
 * 2025 and 2026 notices) with the default working hours 09:00-12:00 and 13:30-17:30.
 */
class WorkingCalendarTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final WorkingCalendar calendar =
      new WorkingCalendar(
          CalendarFiles.read("classpath*:calendar/*.yaml"),
          WorkingCalendar.Hours.parse("09:00-12:00,13:30-17:30"),
          SHANGHAI);

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2025-01-27, true", // Monday before the 2025 Spring Festival
    "2025-01-28, false", // 除夕, first day of the Spring Festival holiday
    "2025-02-04, false", // 初七, its last day
    "2025-02-05, true",
    "2025-01-26, true", // Sunday declared a working day (春节调休)
    "2025-02-08, true", // Saturday declared a working day
    "2026-02-14, true", // make-up Saturday before the 2026 Spring Festival
    "2026-02-15, false",
    "2026-02-23, false", // Monday, still the holiday
    "2026-02-24, true",
    "2026-02-28, true", // make-up Saturday after it
    "2025-10-08, false", // 2025 National Day and Mid-Autumn, eight days
    "2025-10-11, true",
    "2026-10-07, false",
    "2026-10-08, true",
    "2026-11-21, false", // an ordinary Saturday
    "2026-11-23, true" // an ordinary Monday
  })
  void knowsChinasHolidaysAndMakeUpWorkingDays(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  void aDeadlineThatCrossesAHolidayLandsOnTheRightWorkingDay() {
    // Signed on Friday 26 September 2025: Sunday the 28th is a working day, 1-8 October are not.
    Instant signed = at("2025-09-26T10:00");

    assertThat(calendar.addWorkingDays(signed, 0)).isEqualTo(at("2025-09-26T17:30"));
    assertThat(calendar.addWorkingDays(signed, 1)).isEqualTo(at("2025-09-28T17:30"));
    assertThat(calendar.addWorkingDays(signed, 3)).isEqualTo(at("2025-09-30T17:30"));
    assertThat(calendar.addWorkingDays(signed, 4)).isEqualTo(at("2025-10-09T17:30"));
    assertThat(calendar.addWorkingDays(signed, 5)).isEqualTo(at("2025-10-10T17:30"));
  }

  @Test
  void countingStartsOnTheNextWorkingDayAfterCloseOfBusinessOrOnAHoliday() {
    assertThat(calendar.addWorkingDays(at("2026-11-20T17:45"), 0))
        .isEqualTo(at("2026-11-23T17:30"));
    assertThat(calendar.addWorkingDays(at("2026-11-21T20:00"), 3))
        .isEqualTo(at("2026-11-26T17:30"));
    assertThat(calendar.addWorkingDays(at("2026-02-16T10:00"), 1))
        .isEqualTo(at("2026-02-25T17:30"));
  }

  @Test
  void anOrderRegisteredAt2350OnTheLastDayBeforeAHolidayIsDueAfterIt() {
    Instant eve = at("2026-09-30T23:50");

    assertThat(calendar.isWorkingTime(eve)).isFalse();
    assertThat(calendar.nextWorkingDayAt(eve, LocalTime.of(10, 0)))
        .isEqualTo(at("2026-10-08T10:00"));
    assertThat(calendar.addWorkingDays(eve, 0)).isEqualTo(at("2026-10-08T17:30"));
  }

  @Test
  void theCountCrossesTheYearBoundaryIntoTheNextYearsFile() {
    // 31 December 2025 is a Wednesday; 1-3 January 2026 are off and Sunday the 4th is worked.
    assertThat(calendar.nextWorkingDay(LocalDate.of(2025, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 1, 4));
    assertThat(calendar.addWorkingDays(at("2025-12-31T09:30"), 2))
        .isEqualTo(at("2026-01-05T17:30"));
  }

  @Test
  void nextWorkingDayAtATimeIsTheSameDayWhenThatTimeIsStillAhead() {
    assertThat(calendar.nextWorkingDayAt(at("2026-11-21T19:00"), LocalTime.of(10, 0)))
        .isEqualTo(at("2026-11-23T10:00"));
    assertThat(calendar.nextWorkingDayAt(at("2026-11-23T02:00"), LocalTime.of(10, 0)))
        .isEqualTo(at("2026-11-23T10:00"));
    assertThat(calendar.nextWorkingDayAt(at("2026-11-23T10:00"), LocalTime.of(10, 0)))
        .isEqualTo(at("2026-11-24T10:00"));
  }

  @Test
  void workingHoursSkipLunchNightsWeekendsAndHolidays() {
    assertThat(calendar.isWorkingTime(at("2026-11-23T12:30"))).isFalse();
    assertThat(calendar.isWorkingTime(at("2026-11-23T13:30"))).isTrue();
    assertThat(calendar.addWorkingHours(at("2026-11-23T11:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-23T14:30"));
    assertThat(calendar.addWorkingHours(at("2026-11-20T17:00"), Duration.ofHours(1)))
        .isEqualTo(at("2026-11-23T09:30"));
    assertThat(calendar.addWorkingHours(at("2026-09-30T17:00"), Duration.ofHours(1)))
        .isEqualTo(at("2026-10-08T09:30"));
    assertThat(calendar.addWorkingHours(at("2026-11-21T10:00"), Duration.ZERO))
        .as("from outside working time, the next working moment")
        .isEqualTo(at("2026-11-23T09:00"));
  }

  @Test
  void workingTimeBetweenTwoInstantsCountsOnlyWorkingHours() {
    assertThat(calendar.workingTimeBetween(at("2026-11-23T09:00"), at("2026-11-23T17:30")))
        .isEqualTo(Duration.ofMinutes(420));
    assertThat(calendar.workingTimeBetween(at("2026-11-20T17:00"), at("2026-11-23T09:30")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(calendar.workingTimeBetween(at("2026-09-30T17:00"), at("2026-10-08T09:30")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(calendar.workingTimeBetween(at("2026-11-23T10:00"), at("2026-11-23T09:00")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aYearWithoutAScheduleIsReportedAndCountsMondayToFriday() {
    assertThat(calendar.missingYears(2025, 2026, 2027)).containsExactly(2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)))
        .as("Friday, holiday unknown")
        .isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
  }

  @Test
  void eachFileNamesTheNoticeItComesFrom() {
    assertThat(calendar.schedules().get(2025).source()).contains("国办发明电〔2024〕12号");
    assertThat(calendar.schedules().get(2026).source()).contains("2026年部分节假日安排");
  }

  @Test
  void aContradictoryCalendarFileStopsTheStartWithTheFileAndEntryNamed() {
    assertThatThrownBy(
            () ->
                parse(
                    "year: 2027\nsource: test\nworkingWeekends:\n  - date: 2027-01-04\n    name: 调休\n"))
        .hasMessageContaining("2027.yaml")
        .hasMessageContaining("2027-01-04 is a MONDAY");
    assertThatThrownBy(
            () ->
                parse(
                    "year: 2027\nsource: test\nholidays:\n  - name: 春节\n    from: 2027-02-10\n    to: 2027-02-05\n"))
        .hasMessageContaining("春节")
        .hasMessageContaining("before");
    assertThatThrownBy(
            () ->
                parse(
                    "year: 2027\nsource: test\nholidays:\n  - name: 元旦\n    from: 2026-01-01\n    to: 2026-01-01\n"))
        .hasMessageContaining("not in 2027");
    assertThatThrownBy(() -> parse("year: 2027\nholidays: []\n")).hasMessageContaining("source");
  }

  private static YearSchedule parse(String yaml) {
    return CalendarFiles.parse(
        "2027.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
