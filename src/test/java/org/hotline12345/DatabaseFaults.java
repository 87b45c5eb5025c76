package org.hotline12345;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A database fault for one request: a request that carries the header {@value #HEADER} gets no
 * database connection, as if the database were down, wherever it asks for one (the authentication
 * filters, the engine, the application's own tables). Every other request and the tests' own
 * threads are untouched, so the shared application context stays healthy.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseFaults {

  public static final String HEADER = "X-Test-Database-Down";

  @Bean
  static BeanPostProcessor databaseDownForMarkedRequests() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof DownForMarkedRequests)
            ? new DownForMarkedRequests(dataSource)
            : bean;
      }
    };
  }

  private static final class DownForMarkedRequests extends DelegatingDataSource {

    DownForMarkedRequests(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
      refuseIfMarked();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      refuseIfMarked();
      return super.getConnection(user, password);
    }

    private static void refuseIfMarked() throws SQLException {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
          && request.getRequest().getHeader(HEADER) != null) {
        throw new SQLTransientConnectionException("database down (test fault)");
      }
    }
  }
}
