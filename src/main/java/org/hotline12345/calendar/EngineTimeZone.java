package org.hotline12345.calendar;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sets the JVM's default zone to {@code hotline.time-zone} (Asia/Shanghai) before anything else
 * starts, so the engine's timers, due dates and history timestamps are the hotline's local time
 * whatever zone the host runs in. It runs for the application and for every Spring test context.
 */
public class EngineTimeZone implements EnvironmentPostProcessor {

  public static final String PROPERTY = "hotline.time-zone";
  public static final String DEFAULT_ZONE = "Asia/Shanghai";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String zone = environment.getProperty(PROPERTY, DEFAULT_ZONE);
    TimeZone.setDefault(TimeZone.getTimeZone(java.time.ZoneId.of(zone)));
  }
}
