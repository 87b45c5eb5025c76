package org.hotline12345;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as a process of its own, as a node runs in production: the {@code postgres}
 * profile in production mode, the test's classpath, a free port, its log in {@code
 * target/nodes/<name>/node.log}. Several of them on one database are a cluster. Also remembers the
 * first answer its port gave to an administrator, to show that nothing is served before start-up is
 * done. The engine knows the node by its name (the job log's host name).
 */
public final class AppNode implements AutoCloseable {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "node-admin-secret-1234";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private volatile Integer firstAnswer;

  private AppNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a node on {@code databaseUrl} and returns at once; see {@link #awaitReady}. */
  public static AppNode start(String name, String databaseUrl, String... settings) {
    int port = TcpProxy.freePort();
    // Its own working directory, as in a container: some jar on the test classpath puts the working
    // directory on the classpath, and the source tree's processes/ would be deployed twice.
    Path directory = Path.of("target", "nodes", name).toAbsolutePath();
    Path log = directory.resolve("node.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-Duser.timezone=UTC",
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            HotlineApplication.class.getName(),
            "--spring.profiles.active=postgres",
            "--server.port=" + port,
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + FreshDatabase.user(),
            "--spring.datasource.password=" + FreshDatabase.password(),
            "--hotline.production=true",
            "--hotline.admin.user=" + ADMIN,
            "--hotline.admin.password=" + ADMIN_PASSWORD,
            // The engine's name for this node: in the job log (ACT_HI_JOB_LOG.HOSTNAME_), so a
            // test sees which node executed which job.
            "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(settings));
    try {
      Files.createDirectories(directory);
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      AppNode node = new AppNode(name, port, process, log);
      node.watchFirstAnswer();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** An API client for this node, as its administrator. */
  public ApiClient admin() {
    return ApiClient.as(port, ADMIN, ADMIN_PASSWORD);
  }

  /**
   * Waits until the readiness probe answers 200 and {@link #firstAnswer} is known; fails with the
   * log's end if the node died.
   */
  public void awaitReady(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped with " + process.exitValue() + ":\n" + logTail());
      }
      // Ready, and the port has answered the administrator at least once since it opened.
      if (status("/actuator/health/readiness") == 200 && firstAnswer != null) {
        return;
      }
      pause(Duration.ofMillis(500));
    }
    throw new AssertionError(name + " not ready after " + atMost + ":\n" + logTail());
  }

  /**
   * The HTTP status of a GET without credentials, or -1 if the port refused the connection or gave
   * no answer within 5 s.
   */
  public int status(String path) {
    return send(path, null);
  }

  /**
   * The status of the first answer the port gave to an administrator's {@code GET /api/catalog}
   * while the node started (null until there was one).
   */
  public Integer firstAnswer() {
    return firstAnswer;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the node as {@code kill -9} does: no shutdown, nothing finished. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Stops the node as an orchestrator does (SIGTERM), forcibly after 30 s. */
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
  }

  private void watchFirstAnswer() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    Thread watcher =
        new Thread(
            () -> {
              while (process.isAlive() && firstAnswer == null) {
                int status = send("/api/catalog", basic);
                if (status > 0) {
                  firstAnswer = status;
                } else {
                  pause(Duration.ofMillis(100));
                }
              }
            },
            name + "-first-answer");
    watcher.setDaemon(true);
    watcher.start();
  }

  private int send(String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException refusedOrNoAnswer) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private String logTail() {
    String text = log();
    return text.length() <= 6_000 ? text : text.substring(text.length() - 6_000);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
