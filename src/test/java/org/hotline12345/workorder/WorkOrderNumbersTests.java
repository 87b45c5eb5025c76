package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Work-order numbers against the real database: a day and a sequence, never given twice. */
@HotlineSpringTest
class WorkOrderNumbersTests {

  @Autowired WorkOrderNumbers numbers;

  /** A day no other test (or earlier run on the same database) has used. */
  private static LocalDate unusedDay() {
    return LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 36_000));
  }

  @Test
  void eachDayCountsFromOne() {
    LocalDate day = unusedDay();
    String prefix = day.toString().replace("-", "");

    assertThat(numbers.next(day)).isEqualTo(prefix + "-000001");
    assertThat(numbers.next(day)).isEqualTo(prefix + "-000002");
    assertThat(numbers.next(day.plusDays(1))).endsWith("-000001");
  }

  @Test
  void concurrentRegistrationsNeverGetTheSameNumber() throws Exception {
    LocalDate day = unusedDay();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls =
          IntStream.range(0, 200).<Callable<String>>mapToObj(i -> () -> numbers.next(day)).toList();
      Set<String> given =
          pool.invokeAll(calls).stream()
              .map(WorkOrderNumbersTests::get)
              .collect(Collectors.toSet());

      assertThat(given).hasSize(200);
      assertThat(given)
          .contains(WorkOrderNumbers.format(day, 1), WorkOrderNumbers.format(day, 200));
    } finally {
      pool.shutdownNow();
    }
  }

  private static String get(Future<String> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
