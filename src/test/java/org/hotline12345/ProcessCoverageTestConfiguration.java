package org.hotline12345;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage (camunda-process-test-coverage): every Spring test class writes its report
 * to target/process-test-coverage (the instrumented engine needs every class included). That the
 * process tests cover the whole model is checked by {@code WorkOrderProcessCoverageTests}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageTestConfiguration {

  @Bean
  AbstractCamundaConfiguration processCoverageEngineConfiguration() {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(
            (ProcessEngineConfigurationImpl) configuration);
      }
    };
  }

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder().build();
  }
}
