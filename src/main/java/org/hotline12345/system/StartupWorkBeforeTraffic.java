package org.hotline12345.system;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Does every module's {@link StartupWork} before the web server opens its port, so that the first
 * request is answered by an application that has its grants, users and index; a Spring Boot {@code
 * ApplicationRunner} runs only after the port is open. Each piece runs under a lock all nodes share
 * (two nodes starting at once do it one after the other, and the second finds it done) and is tried
 * again while the database fails. If it cannot be done, the start fails with the piece and the
 * reason named, and the port never opens.
 */
@Component
class StartupWorkBeforeTraffic implements SmartLifecycle {

  /** Spring Boot starts the web server at {@code DEFAULT_PHASE - 2048}; this runs before. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  /** The advisory lock of start-up work ("12345", step 2). */
  static final long LOCK_KEY = 12_345_002L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupWorkBeforeTraffic.class);

  private final ObjectProvider<StartupWork> work;
  private final DataSource dataSource;
  private final Retry retry;
  private volatile boolean running;

  StartupWorkBeforeTraffic(ObjectProvider<StartupWork> work, DataSource dataSource, Retry retry) {
    this.work = work;
    this.dataSource = dataSource;
    this.retry = retry;
  }

  @Override
  public void start() {
    work.orderedStream().forEach(this::runUntilDone);
    running = true;
  }

  private void runUntilDone(StartupWork piece) {
    String name = "Start-up work " + ClassUtils.getUserClass(piece).getSimpleName();
    long started = System.nanoTime();
    retry.run(
        name,
        () -> {
          try (DatabaseLock lock = DatabaseLock.take(dataSource, LOCK_KEY)) {
            piece.run();
          }
          return null;
        },
        Retry::databaseFailure);
    LOG.info("{} done in {} ms", name, (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
