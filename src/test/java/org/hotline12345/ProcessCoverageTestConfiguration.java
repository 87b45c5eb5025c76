package org.hotline12345;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage (camunda-process-test-coverage) for the process test classes: their
 * report is written to target/process-test-coverage, and a process test class must cover every
 * flow node and sequence flow of the processes it runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageTestConfiguration {

  @Bean
  AbstractCamundaConfiguration processCoverageEngineConfiguration() {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions((ProcessEngineConfigurationImpl) configuration);
      }
    };
  }

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
