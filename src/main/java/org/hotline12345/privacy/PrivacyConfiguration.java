package org.hotline12345.privacy;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where personal data is shown in full: the task forms of the engine REST API and Tasklist. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  /**
   * Last of all filters, inside the engine REST API's and the webapps' authentication filters, so
   * that it reads the authentication they set.
   */
  @Bean
  FilterRegistrationBean<Filter> contactDisclosure(
      IdentityService identity, TaskService tasks, CitizenContacts contacts) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ContactDisclosure(identity, tasks, contacts));
    registration.setName("contact-disclosure");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
