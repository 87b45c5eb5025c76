package org.hotline12345.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.core.Ordered;

/**
 * Puts the engine's schema step where Spring Boot puts Flyway: it is a database initializer, run
 * first, and the process engine depends on database initialization (as a JdbcTemplate does), so the
 * engine is built only after its tables and the application's own are in place. Registered in
 * {@code META-INF/spring.factories}.
 */
final class EngineSchemaInitialization {

  private EngineSchemaInitialization() {}

  /** The schema step is a database initializer, ordered before Flyway. */
  static final class SchemaStep extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
      return Set.of(EngineSchema.class);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** The process engine waits for every database initializer. */
  static final class Engine extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
      return Set.of(ProcessEngine.class);
    }
  }
}
