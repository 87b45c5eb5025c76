package org.hotline12345.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * The readiness probe's database check against a database server that stops and starts again, and
 * against one that accepts connections but never answers: DOWN within seconds either way (a probe
 * gives up after a few), UP again as soon as the database is back.
 */
class DatabaseHealthTests {

  /** A probe's own limit; the check must answer well within it. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  @Test
  void downWithinSecondsWhenTheDatabaseStopsAndUpAgainWhenItIsBack() throws Exception {
    int port = freePort();
    String database = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:health-" + UUID.randomUUID();
    Server server = h2Server(port).start();
    DatabaseHealth health = health(database, "sa");
    try {
      assertThat(timed(health).getStatus()).isEqualTo(Status.UP);
      assertThat(timed(health).getDetails()).containsEntry("database", "H2");

      server.stop();
      Health gone = timed(health);
      assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
      assertThat(gone.getDetails().get("error").toString()).isNotBlank();

      server = h2Server(port).start();
      Health back = timed(health);
      assertThat(back.getStatus()).as("back with the database: %s", back).isEqualTo(Status.UP);
    } finally {
      health.destroy();
      server.stop();
    }
  }

  @Test
  void downWithinSecondsWhenTheDatabaseAcceptsConnectionsButNeverAnswers() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!silent.isClosed()) {
                  try {
                    held.add(silent.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      DatabaseHealth health =
          health("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/hotline", "postgres");
      try {
        Health hanging = timed(health);
        assertThat(hanging.getStatus()).isEqualTo(Status.DOWN);
        assertThat(timed(health).getStatus())
            .as("and again at the next probe")
            .isEqualTo(Status.DOWN);
      } finally {
        health.destroy();
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /** The check's answer, which must come well within a probe's timeout. */
  private static Health timed(DatabaseHealth health) {
    long started = System.nanoTime();
    Health answer = health.health();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("answered within a probe's timeout")
        .isLessThan(PROBE_TIMEOUT);
    return answer;
  }

  private static DatabaseHealth health(String url, String user) {
    DataSourceProperties properties = new DataSourceProperties();
    properties.setUrl(url);
    properties.setUsername(user);
    properties.setPassword("");
    return new DatabaseHealth(properties, Duration.ofSeconds(2));
  }

  private static Server h2Server(int port) throws Exception {
    return Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
