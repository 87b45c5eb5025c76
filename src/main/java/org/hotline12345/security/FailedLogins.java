package org.hotline12345.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every refused password, wherever it was typed (the webapps' login, Basic on {@code /engine-rest}
 * or {@code /api}): logged with the user id (never the password), counted in the Micrometer counter
 * {@value #COUNTER} by outcome, and kept per minute for the last {@value #WINDOW_MINUTES} minutes
 * of the engine's clock, which the health component {@code logins} shows.
 */
@Component
class FailedLogins {

  static final String COUNTER = "hotline.login.failures";
  static final int WINDOW_MINUTES = 15;

  private static final Logger LOG = LoggerFactory.getLogger(FailedLogins.class);
  private static final int MAX_LOGGED_ID = 64;

  /** Why a login was refused. */
  enum Outcome {
    /** The user exists and the password was wrong: the engine locks the account a while. */
    WRONG_PASSWORD("wrong_password"),
    /** The account was locked from an earlier wrong password: not even checked. */
    LOCKED("locked"),
    /** No such user. */
    UNKNOWN_USER("unknown_user");

    final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final long[] minuteOf = new long[WINDOW_MINUTES];
  private final long[] failures = new long[WINDOW_MINUTES];

  FailedLogins(MeterRegistry meters) {
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder(COUNTER)
              .description("Refused logins (webapps, engine REST API, hotline API)")
              .tag("outcome", outcome.tag)
              .register(meters));
    }
  }

  /** Told the user id of every refused login (e.g. to stop reusing that user's credentials). */
  void whenRefused(Consumer<String> listener) {
    listeners.add(listener);
  }

  void record(String userId, Outcome outcome, Date lockedUntil) {
    listeners.forEach(listener -> listener.accept(userId));
    counters.get(outcome).increment();
    countThisMinute();
    String user = printable(userId);
    switch (outcome) {
      case WRONG_PASSWORD ->
          LOG.warn(
              "Login refused: wrong password for user '{}', locked until {}", user, lockedUntil);
      case LOCKED -> LOG.warn("Login refused: user '{}' is locked until {}", user, lockedUntil);
      case UNKNOWN_USER -> LOG.warn("Login refused: no user '{}'", user);
    }
  }

  /** Refused logins in the last {@value #WINDOW_MINUTES} minutes (whole minutes). */
  synchronized long inWindow() {
    long minute = currentMinute();
    long sum = 0;
    for (int i = 0; i < WINDOW_MINUTES; i++) {
      if (minuteOf[i] > minute - WINDOW_MINUTES && minuteOf[i] <= minute) {
        sum += failures[i];
      }
    }
    return sum;
  }

  private synchronized void countThisMinute() {
    long minute = currentMinute();
    int slot = (int) Math.floorMod(minute, (long) WINDOW_MINUTES);
    if (minuteOf[slot] != minute) {
      minuteOf[slot] = minute;
      failures[slot] = 0;
    }
    failures[slot]++;
  }

  private static long currentMinute() {
    return ClockUtil.getCurrentTime().getTime() / 60_000;
  }

  /** The user id as typed, safe for a log line: no line breaks or control characters, capped. */
  private static String printable(String userId) {
    if (userId == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder();
    userId
        .codePoints()
        .limit(MAX_LOGGED_ID)
        .forEach(
            c ->
                safe.appendCodePoint(
                    Character.isLetterOrDigit(c) || "._@-".indexOf(c) >= 0 ? c : '?'));
    return userId.codePointCount(0, userId.length()) > MAX_LOGGED_ID ? safe + "…" : safe.toString();
  }
}
