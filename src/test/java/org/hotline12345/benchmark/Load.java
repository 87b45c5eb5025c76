package org.hotline12345.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The three ways the benchmark puts work on a system: closed loop, open loop, one at a time. */
final class Load {

  private static final Logger LOG = LoggerFactory.getLogger(Load.class);

  private Load() {}

  /** Completed units of work per second, and the failures. */
  record Throughput(double perSecond, int completed, int errors, String firstError) {}

  /** Latencies of the calls that succeeded, and how many failed. */
  record Timed(Latencies latencies, int sent, int errors, String firstError) {}

  /**
   * {@code workers} threads each repeat their unit of work back to back; after {@code warmUp}, the
   * units completed within {@code window} are counted.
   */
  static Throughput closedLoop(
      int workers, Duration warmUp, Duration window, IntFunction<Runnable> workOfWorker)
      throws InterruptedException {
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long measureTo = measureFrom + window.toNanos();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    for (int w = 0; w < workers; w++) {
      Runnable work = workOfWorker.apply(w);
      pool.execute(
          () -> {
            while (System.nanoTime() < measureTo) {
              try {
                work.run();
                long done = System.nanoTime();
                if (done >= measureFrom && done <= measureTo) {
                  completed.incrementAndGet();
                }
              } catch (RuntimeException e) {
                errors.incrementAndGet();
                if (firstError.compareAndSet(null, e.toString())) {
                  LOG.warn("First failure: {}", e.toString());
                }
              }
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(
        warmUp.plus(window).plusMinutes(3).toMillis(), TimeUnit.MILLISECONDS)) {
      // Units still running three minutes after the window do not count; they are stopped.
      pool.shutdownNow();
    }
    return new Throughput(
        completed.get() / (window.toMillis() / 1000.0),
        completed.get(),
        errors.get(),
        firstError.get());
  }

  /**
   * Sends {@code rate} calls a second for {@code duration}, each at its planned time whether or not
   * earlier ones have answered (open loop); a call's latency counts from its planned time.
   */
  static Timed openLoop(double rate, Duration duration, Duration callLimit, BooleanSupplier call)
      throws InterruptedException {
    int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(256);
    long start = System.nanoTime() + 100_000_000L;
    for (int i = 0; i < count; i++) {
      long planned = start + Math.round(i * 1e9 / rate);
      long wait;
      while ((wait = planned - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      pool.execute(
          () -> {
            boolean ok;
            try {
              ok = call.getAsBoolean();
            } catch (RuntimeException e) {
              ok = false;
              firstError.compareAndSet(null, e.toString());
            }
            if (ok) {
              latencies.add((System.nanoTime() - planned) / 1e6);
            } else {
              errors.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(callLimit.plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
      pool.shutdownNow();
    }
    return new Timed(Latencies.of(latencies), count, errors.get(), firstError.get());
  }

  /**
   * Times {@code samples} calls one after another (after three untimed ones), stopping early at
   * {@code limit}.
   */
  static Timed oneAtATime(int samples, Duration limit, Runnable call) {
    for (int i = 0; i < 3; i++) {
      call.run();
    }
    List<Double> latencies = new ArrayList<>();
    long deadline = System.nanoTime() + limit.toNanos();
    for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
      long started = System.nanoTime();
      call.run();
      latencies.add((System.nanoTime() - started) / 1e6);
    }
    return new Timed(Latencies.of(latencies), latencies.size(), 0, null);
  }
}
