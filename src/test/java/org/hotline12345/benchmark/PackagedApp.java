package org.hotline12345.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline12345.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application as it is shipped, the Spring Boot jar of {@code ./mvnw -DskipTests package},
 * started in a process of its own on PostgreSQL with the demo organisation, listening on loopback
 * only. Closing it stops the process (and a JVM shutdown stops it too).
 */
final class PackagedApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PackagedApp.class);

  private final Process process;
  private final int port;
  private final Thread stopAtExit;

  private PackagedApp(Process process, int port) {
    this.process = process;
    this.port = port;
    this.stopAtExit = new Thread(process::destroyForcibly, "stop-packaged-app");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** Starts the jar against {@code jdbcUrl} and waits until {@code /actuator/health} answers UP. */
  static PackagedApp start(
      Path jar, int port, String jdbcUrl, String heap, Path log, Duration startLimit)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: build it first with ./mvnw -DskipTests package");
    }
    Files.createDirectories(log.getParent());
    String java = ProcessHandle.current().info().command().orElse(Path.of("java").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + heap,
                    "-jar",
                    jar.toString(),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("HOTLINE_DB_URL", jdbcUrl);
    env.put("HOTLINE_PRODUCTION", "false");
    env.put("HOTLINE_DEMO_ENABLED", "true");
    LOG.info("Starting {} on 127.0.0.1:{} ({}), log {}", jar.getFileName(), port, jdbcUrl, log);
    PackagedApp app = new PackagedApp(builder.start(), port);
    app.awaitHealthy(startLimit, log);
    return app;
  }

  int port() {
    return port;
  }

  private void awaitHealthy(Duration limit, Path log) throws InterruptedException {
    ApiClient health = new ApiClient(port).timeout(Duration.ofSeconds(5));
    long started = System.nanoTime();
    long deadline = started + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The app stopped while starting (exit " + process.exitValue() + "): see " + log);
      }
      try {
        if ("UP".equals(health.get("/actuator/health").json().path("status").asText())) {
          LOG.info("The app is up after {} s", (System.nanoTime() - started) / 1_000_000_000);
          return;
        }
      } catch (UncheckedIOException notListeningYet) {
        // The port opens late in the start; ask again.
      }
      Thread.sleep(1_000);
    }
    close();
    throw new IllegalStateException("The app was not UP within " + limit + ": see " + log);
  }

  /** Whether the app is still running (it must never stop itself under load). */
  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs anyway.
    }
  }
}
