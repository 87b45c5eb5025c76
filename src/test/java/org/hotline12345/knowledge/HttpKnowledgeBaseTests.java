package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The HTTP adapter against a real HTTP server started by the test: the JSON contract both ways, the
 * API key header, and what a search does when the other side is slow, broken or not there.
 */
class HttpKnowledgeBaseTests {

  private HttpServer server;
  private final AtomicReference<String> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastKey = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String response = "{}";
  private volatile long delayMillis = 0;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/kb/", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void searchSendsTheQuestionAndReadsTheMatches() {
    response =
        """
        {"matches": [{"id": "P-17", "question": "住房公积金怎么提取？", "answer": "带身份证办理。",
          "unit": "unitHousingFund", "score": 8.5, "sample": false, "extra": "ignored"}],
         "total": 1}
        """;

    List<KnowledgeMatch> matches =
        adapter(server.getAddress().getPort()).search("公积金怎么提取", "HOUSING_FUND_WITHDRAWAL", 3);

    assertThat(matches)
        .containsExactly(
            new KnowledgeMatch("P-17", "住房公积金怎么提取？", "带身份证办理。", "unitHousingFund", 8.5, false));
    assertThat(lastBody.get())
        .contains("\"text\":\"公积金怎么提取\"")
        .contains("\"category\":\"HOUSING_FUND_WITHDRAWAL\"")
        .contains("\"limit\":3");
    assertThat(lastKey.get()).isEqualTo("secret-key");
  }

  @Test
  void aSlowKnowledgeBaseGivesNoMatchesAfterTheReadTimeout() {
    delayMillis = 3_000;
    long started = System.nanoTime();

    List<KnowledgeMatch> matches = adapter(server.getAddress().getPort()).search("社保卡", null, 5);

    assertThat(matches).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aServerErrorGivesNoMatches() {
    status = 503;
    response = "{\"error\": \"maintenance\"}";

    assertThat(adapter(server.getAddress().getPort()).search("社保卡", null, 5)).isEmpty();
  }

  @Test
  void anUnreadableAnswerGivesNoMatches() {
    response = "<html>not json</html>";

    assertThat(adapter(server.getAddress().getPort()).search("社保卡", null, 5)).isEmpty();
  }

  @Test
  void aRefusedConnectionGivesNoMatches() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThat(adapter(closedPort).search("社保卡", null, 5)).isEmpty();
  }

  @Test
  void publishingAnAnswerSendsItAndReturnsTheExternalId() {
    response = "{\"id\": \"P-99\"}";

    String id =
        adapter(server.getAddress().getPort())
            .publishAnswer(
                new GapAnswer(
                    null,
                    "灵活就业人员能交公积金吗？",
                    "可以自愿缴存。",
                    "HOUSING_FUND_DEPOSIT",
                    "unitHousingFund",
                    List.of("灵活就业", "自愿缴存"),
                    null,
                    "reviewer1"));

    assertThat(id).isEqualTo("P-99");
    assertThat(lastBody.get())
        .contains("\"answer\":\"可以自愿缴存。\"")
        .contains("\"publishedBy\":\"reviewer1\"");
  }

  @Test
  void publishingFailsLoudlySoTheProcessRetries() {
    status = 500;

    assertThatThrownBy(
            () ->
                adapter(server.getAddress().getPort())
                    .publishAnswer(
                        new GapAnswer(
                            "P-1", "问", "答", "OTHER", "unitWater", List.of(), null, "reviewer1")))
        .isInstanceOf(KnowledgeBaseUnavailableException.class);
  }

  private HttpKnowledgeBase adapter(int port) {
    return new HttpKnowledgeBase(
        RestClient.builder(),
        "http://127.0.0.1:" + port + "/kb/",
        Duration.ofMillis(500),
        Duration.ofMillis(1_000),
        "X-Kb-Key",
        "secret-key");
  }

  private void answer(HttpExchange exchange) throws IOException {
    lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    lastKey.set(exchange.getRequestHeaders().getFirst("X-Kb-Key"));
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException clientGaveUp) {
      // the adapter timed out and closed the connection: nothing to answer
    } finally {
      exchange.close();
    }
  }
}
