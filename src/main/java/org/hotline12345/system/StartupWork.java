package org.hotline12345.system;

/**
 * Work a module does at every start, after the engine is built and before the application serves
 * its first request: grants, the demo organisation, moving earlier data, building an index. It runs
 * on every node at every start, one node at a time, and again after a failed try, so it must be
 * idempotent. Beans of this type run in {@link org.springframework.core.annotation.Order} order.
 */
public interface StartupWork {

  void run();
}
