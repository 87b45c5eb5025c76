package org.hotline12345.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline12345.privacy.PersonalData;

/**
 * SMS through the operator's HTTP gateway: a JSON POST {@code {"id", "phone", "text"}}, signed with
 * HMAC-SHA256 over the timestamp followed by the body, using the shared secret ({@code
 * X-Timestamp}: Unix seconds; {@code X-Signature}: lowercase hex). Any 2xx answer means accepted;
 * anything else, a timeout or a refused connection is a failed try.
 */
class HttpSmsGateway implements SmsSender {

  static final String SIGNATURE = "X-Signature";
  static final String TIMESTAMP = "X-Timestamp";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final byte[] secret;
  private final Duration readTimeout;
  private final HttpClient http;
  private final Clock clock;

  HttpSmsGateway(NotificationProperties.Sms settings, Clock clock) {
    if (settings.gatewayUrl() == null || settings.gatewayUrl().toString().isBlank()) {
      throw new IllegalStateException(
          "hotline.notification.sms.gateway-url must be set when sms.adapter=http");
    }
    if (settings.secret() == null || settings.secret().isBlank()) {
      throw new IllegalStateException(
          "hotline.notification.sms.secret must be set when sms.adapter=http");
    }
    this.url = settings.gatewayUrl();
    this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    this.readTimeout = settings.readTimeout();
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  @Override
  public void send(String id, String phone, String text) {
    String body = body(id, phone, text);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(readTimeout)
            .header("Content-Type", "application/json; charset=UTF-8")
            .header(TIMESTAMP, timestamp)
            .header(SIGNATURE, sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new DeliveryException("SMS gateway timed out after " + readTimeout, e);
    } catch (IOException e) {
      throw new DeliveryException("SMS gateway unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending to the SMS gateway", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryException(
          "SMS gateway answered "
              + response.statusCode()
              + " for "
              + PersonalData.maskPhone(phone)
              + ": "
              + abbreviate(response.body()));
    }
  }

  /** The signature a gateway checks: hex HMAC-SHA256 of {@code timestamp + body}. */
  static String sign(byte[] secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String body(String id, String phone, String text) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("phone", phone);
    json.put("text", text);
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
