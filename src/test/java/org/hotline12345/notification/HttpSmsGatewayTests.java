package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS adapter against a real HTTP server standing in for the operator's gateway: what it sends
 * (signed JSON to the citizen's phone) and each way a gateway fails.
 */
class HttpSmsGatewayTests {

  static final String SECRET = "shared-secret";
  static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

  /** A request the fake gateway received. */
  record Received(String timestamp, String signature, String contentType, String body) {}

  private FakeGateway gateway;

  @BeforeEach
  void startGateway() throws IOException {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop();
  }

  @Test
  void postsSignedJsonWithThePhoneAndTheText() throws IOException {
    gateway.answer(200);

    sender(gateway.url(), Duration.ofSeconds(5)).send("id-1", "13800138000", "【12345热线】您的工单已受理");

    assertThat(gateway.received).hasSize(1);
    Received request = gateway.received.get(0);
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.signature())
        .as("HMAC-SHA256 over timestamp + body with the shared secret")
        .isEqualTo(
            HttpSmsGateway.sign(
                SECRET.getBytes(StandardCharsets.UTF_8), request.timestamp(), request.body()))
        .isNotEqualTo(
            HttpSmsGateway.sign(
                "another-secret".getBytes(StandardCharsets.UTF_8),
                request.timestamp(),
                request.body()));
    JsonNode json = new ObjectMapper().readTree(request.body());
    assertThat(json.path("id").asText()).isEqualTo("id-1");
    assertThat(json.path("phone").asText()).isEqualTo("13800138000");
    assertThat(json.path("text").asText()).isEqualTo("【12345热线】您的工单已受理");
  }

  @Test
  void aServerErrorIsAFailedTryNamingTheStatusWithTheMaskedPhone() {
    gateway.answer(503);

    assertThatThrownBy(
            () -> sender(gateway.url(), Duration.ofSeconds(5)).send("id", "13800138000", "文字"))
        .isInstanceOf(DeliveryException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("138****8000")
        .hasMessageNotContaining("13800138000");
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeIsAFailedTry() {
    gateway.hang();

    assertThatThrownBy(
            () -> sender(gateway.url(), Duration.ofMillis(300)).send("id", "13800138000", "文字"))
        .isInstanceOf(DeliveryException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void aRefusedConnectionIsAFailedTry() throws IOException {
    assertThatThrownBy(
            () -> sender(refusingUrl(), Duration.ofSeconds(5)).send("id", "13800138000", "文字"))
        .isInstanceOf(DeliveryException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void theGatewayNeedsAUrlAndASecret() {
    assertThatThrownBy(
            () ->
                new HttpSmsGateway(
                    new NotificationProperties.Sms(
                        "http", null, SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    Clock.systemUTC()))
        .hasMessageContaining("hotline.notification.sms.gateway-url");
    assertThatThrownBy(
            () ->
                new HttpSmsGateway(
                    new NotificationProperties.Sms(
                        "http",
                        URI.create("http://127.0.0.1:1/sms"),
                        " ",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                    Clock.systemUTC()))
        .hasMessageContaining("hotline.notification.sms.secret");
  }

  static HttpSmsGateway sender(URI url, Duration readTimeout) {
    return new HttpSmsGateway(
        new NotificationProperties.Sms("http", url, SECRET, Duration.ofSeconds(2), readTimeout),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A local URL where nothing listens: the port was free a moment ago. */
  static URI refusingUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/sms");
  }

  /** The SMS gateway as a JDK HTTP server: records each request and answers as told. */
  static final class FakeGateway {
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile boolean hang;

    private FakeGateway(HttpServer server) {
      this.server = server;
    }

    static FakeGateway start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeGateway gateway = new FakeGateway(server);
      server.createContext("/sms", gateway::handle);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      return gateway;
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    void answer(int status) {
      this.status = status;
      this.hang = false;
    }

    /** Keeps every request waiting until the gateway stops (no sleep: a latch). */
    void hang() {
      this.hang = true;
    }

    void stop() {
      released.countDown();
      server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestHeaders().getFirst(HttpSmsGateway.TIMESTAMP),
              exchange.getRequestHeaders().getFirst(HttpSmsGateway.SIGNATURE),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      if (hang) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    }
  }
}
