package org.hotline12345.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nobody reaches the engine REST API or the hotline's API without credentials. (The webapps
 * authenticate with their own session login and keep Camunda's CSRF protection.) The actuator
 * answers probes without credentials and shows details only to administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // The filter reads the engine name from the path after this prefix (where Jersey serves the
    // API).
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
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
  FilterRegistrationBean<Filter> apiAuthentication(IdentityService identity, ChannelKeys keys) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ApiAuthentication(identity, keys));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> actuatorAuthentication(IdentityService identity) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ActuatorAuthentication(identity));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }
}
