package org.hotline12345;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Instants written as the hotline's local time, for tests. */
public final class ShanghaiTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ShanghaiTime() {}

  /** {@code at("2026-11-20T10:00")} is 10:00 on 20 November 2026 in Shanghai. */
  public static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
  }
}
