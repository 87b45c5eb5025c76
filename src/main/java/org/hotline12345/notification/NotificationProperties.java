package org.hotline12345.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hotline.notification.*}: where the templates are, which adapter delivers each channel, the
 * SMS gateway, the retry policy and the poller.
 */
@ConfigurationProperties("hotline.notification")
public record NotificationProperties(
    @DefaultValue("classpath*:notifications/*.txt") String templates,
    @DefaultValue Sms sms,
    @DefaultValue Email email,
    @DefaultValue Retry retry,
    @DefaultValue Poller poller) {

  /** SMS to citizens: {@code log} (the default) or {@code http} (the SMS gateway). */
  public record Sms(
      @DefaultValue("log") String adapter,
      URI gatewayUrl,
      String secret,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {}

  /** E-mail to staff: {@code log} (the default) or {@code smtp} (spring.mail.*). */
  public record Email(
      @DefaultValue("log") String adapter,
      @DefaultValue("12345-hotline@hotline.example") String from) {}

  /**
   * A message is tried {@code maxAttempts} times; the waits between tries are {@code backoff}, the
   * last one repeated if there are more tries than waits.
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue({"1m", "5m", "30m"}) List<Duration> backoff) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "hotline.notification.retry.max-attempts must be at least 1");
      }
      if (backoff.isEmpty() || backoff.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
        throw new IllegalArgumentException(
            "hotline.notification.retry.backoff must list positive durations, e.g. 1m,5m,30m");
      }
      backoff = List.copyOf(backoff);
    }

    /** The wait after the {@code attempt}-th failed try (1-based). */
    Duration waitAfter(int attempt) {
      return backoff.get(Math.min(attempt, backoff.size()) - 1);
    }
  }

  /**
   * The poller that delivers due messages every {@code interval}, at most {@code batchSize} at a
   * time; a claimed message not finished within {@code lease} is tried again.
   */
  public record Poller(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30s") Duration interval,
      @DefaultValue("50") int batchSize,
      @DefaultValue("10m") Duration lease) {}
}
