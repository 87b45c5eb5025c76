package org.hotline12345.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline12345.ApiClient;
import org.hotline12345.HotlineSpringTest;
import org.hotline12345.IntakeRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A surge: 50 registrations arriving at the same instant, on the default connection pool (10), all
 * succeed with distinct numbers. (Each registration takes its number while holding a connection;
 * when the number came from the same pool, ten registrations waited on each other until the pool
 * timed out and answered 500.)
 */
@HotlineSpringTest
class SimultaneousIntakeTests {

  static final int AT_ONCE = 50;

  @LocalServerPort int port;

  @Test
  void fiftyRegistrationsAtTheSameInstantAllSucceedWithDistinctNumbers() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
    CountDownLatch ready = new CountDownLatch(AT_ONCE);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiClient.Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < AT_ONCE; i++) {
        ApiClient agent = ApiClient.as(port, "agent1");
        answers.add(
            callers.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return agent.post(
                      "/api/work-orders", IntakeRequests.phoneCall("HELP", "WATER_SUPPLY"));
                }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<ApiClient.Answer> answer : answers) {
        ApiClient.Answer registered = answer.get(2, TimeUnit.MINUTES);
        assertThat(registered.status()).as(registered.json().toString()).isEqualTo(201);
        numbers.add(registered.json().path("number").asText());
      }
      assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("\\d{8}-\\d{6}"));
      for (String number : numbers) {
        assertThat(ApiClient.as(port, "agent1").get("/api/work-orders/" + number).status())
            .isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
