package org.hotline12345.system;

import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long start-up keeps trying while the database fails ({@code hotline.startup.give-up-after}),
 * and the engine's schema step where the engine does not manage its own schema ({@code
 * camunda.bpm.database.schema-update: false}, the {@code postgres} profile).
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  @Bean
  Retry startupRetry(@Value("${hotline.startup.give-up-after:5m}") Duration giveUpAfter) {
    return new Retry(Duration.ofSeconds(1), Duration.ofSeconds(15), giveUpAfter);
  }

  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.database.schema-update", havingValue = "false")
  EngineSchema engineSchema(DataSource dataSource, Retry startupRetry) {
    return new EngineSchema(dataSource, ProductPropertiesUtil.getProductVersion(), startupRetry);
  }
}
