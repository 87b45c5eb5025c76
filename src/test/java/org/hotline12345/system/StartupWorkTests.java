package org.hotline12345.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Start-up work before the port opens: tried again while the database fails, in order, and a start
 * that cannot finish it stops with the piece of work and the reason named, never silently and never
 * half-way into serving.
 */
class StartupWorkTests {

  private final List<String> done = new ArrayList<>();

  @Test
  void workThatFailsOnTheDatabaseIsTriedAgainAndTheWorkAfterItWaitsForIt() {
    Grants grants = new Grants(2);

    start(new Index(), grants, new DemoUsers());

    assertThat(grants.tries).as("two failed tries, then done").isEqualTo(3);
    assertThat(done).containsExactly("users", "grants", "index");
  }

  @Test
  void workThatKeepsFailingStopsTheStartNamingTheWorkAndTheReason() {
    assertThatThrownBy(() -> start(new DemoUsers(), new Grants(Integer.MAX_VALUE), new Index()))
        .hasMessageContaining("Start-up work Grants did not succeed")
        .hasMessageContaining("the application stops without serving requests")
        .hasMessageContaining("connection refused");
    assertThat(done).as("nothing after it").containsExactly("users");
  }

  @Test
  void aFailureThatIsNotTheDatabaseStopsTheStartAtOnce() {
    Refusal refusal = new Refusal();

    assertThatThrownBy(() -> start(refusal, new Index()))
        .hasMessageContaining("Start-up work Refusal failed")
        .hasMessageContaining("Refusing to start");
    assertThat(refusal.tries).isEqualTo(1);
    assertThat(done).isEmpty();
  }

  private void start(StartupWork... work) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE);
    for (StartupWork piece : work) {
      beans.registerSingleton(piece.getClass().getSimpleName(), piece);
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:startup-" + UUID.randomUUID());
    new StartupWorkBeforeTraffic(
            beans.getBeanProvider(StartupWork.class),
            h2,
            new Retry(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(300)))
        .start();
  }

  @Order(1)
  private class DemoUsers implements StartupWork {
    @Override
    public void run() {
      done.add("users");
    }
  }

  @Order(2)
  private class Grants implements StartupWork {
    private final int failures;
    int tries;

    Grants(int failures) {
      this.failures = failures;
    }

    @Override
    public void run() {
      if (tries++ < failures) {
        throw new DataAccessResourceFailureException(
            "no connection", new SQLTransientConnectionException("connection refused", "08001"));
      }
      done.add("grants");
    }
  }

  @Order(3)
  private class Index implements StartupWork {
    @Override
    public void run() {
      done.add("index");
    }
  }

  @Order(0)
  private class Refusal implements StartupWork {
    int tries;

    @Override
    public void run() {
      tries++;
      throw new IllegalStateException("Refusing to start in production: no password");
    }
  }
}
