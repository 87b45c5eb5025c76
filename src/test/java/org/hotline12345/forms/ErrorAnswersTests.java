package org.hotline12345.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.DatabaseFaults;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the application answers is an RFC 9457 problem detail with a Chinese title and
 * nothing of the exception in it: also a database fault inside an authentication filter (made real
 * for one request by {@link DatabaseFaults}), which the container sends to {@code /error}, and
 * Spring's own refusals (unknown path, wrong method, a {@code ResponseStatusException}).
 */
@HotlineSpringTest
class ErrorAnswersTests {

  @LocalServerPort int port;

  @ParameterizedTest(name = "database down while {0} authenticates {1}: a clean 500")
  @CsvSource({"/api/catalog, hrssLeader1", "/engine-rest/task?maxResults=1, medicalLeader1"})
  void aDatabaseFaultInTheAuthenticationFilterIsAProblemDetail(String path, String user) {
    // A user no other test logs in as, so the filter checks the password (a verified user is reused
    // for 30 seconds without one: security/StaffCredentials).
    ApiClient agent = ApiClient.as(port, user);

    Answer fault = agent.with(DatabaseFaults.HEADER, "true").get(path);

    assertThat(fault.status()).isEqualTo(500);
    assertThat(fault.contentType()).startsWith("application/problem+json");
    assertThat(fault.json().path("title").asText()).isEqualTo("服务器内部错误");
    assertThat(fault.json().path("status").asInt()).isEqualTo(500);
    assertThat(fault.json().path("instance").asText()).isEqualTo(path.replaceAll("\\?.*", ""));
    assertThat(fault.json().toString())
        .doesNotContain("Exception", "SQL", "database down", "at org.", "trace", "timestamp");
    assertThat(agent.get(path).status()).as("the next request finds the database").isEqualTo(200);
  }

  @Test
  void springsOwnRefusalsHaveChineseTitles() {
    ApiClient agent = ApiClient.as(port, "agent1");

    Answer unknownPath = agent.get("/no-such-page");
    Answer wrongMethod = agent.delete("/api/work-orders");
    Answer forbidden =
        agent.post("/api/admin/channel-keys", Map.of("channel", "WEB", "label", "门户"));

    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.json().path("title").asText()).isEqualTo("未找到");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().path("title").asText()).isEqualTo("不支持此请求方法");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().path("title").asText()).isEqualTo("无权执行此操作");
    for (Answer answer : new Answer[] {unknownPath, wrongMethod, forbidden}) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }
}
