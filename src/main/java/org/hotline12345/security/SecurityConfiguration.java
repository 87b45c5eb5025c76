package org.hotline12345.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nobody reaches the engine REST API or the hotline's API without credentials, nor the health
 * endpoint's details. (The webapps authenticate with their own session login and keep Camunda's
 * CSRF protection.)
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(StaffCredentials credentials) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthentication(credentials));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns(EngineRestAuthentication.PATH + "/*");
    // Before the filters that act on who the caller is (privacy's contact disclosure).
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> requestSizeLimit() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit());
    registration.setName("request-size-limit");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> apiAuthentication(
      IdentityService identity, StaffCredentials staff, ChannelKeys keys) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ApiAuthentication(identity, staff, keys));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> healthAuthentication(StaffCredentials staff) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new HealthAuthentication(staff));
    registration.setName("health-authentication");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }
}
