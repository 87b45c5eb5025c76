package org.hotline12345.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.http.HttpHeaders;

/**
 * Camunda's authentication of the engine REST API ({@code /engine-rest}), with the staff member's
 * credentials checked by {@link StaffCredentials}: strictly decoded (a Basic header with anything
 * after its Base64 is refused, where Camunda's own decoder skipped it), and the verified identity
 * and groups reused for a short time instead of a password check and two queries per request.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

  static final String PATH = "/engine-rest";

  EngineRestAuthentication(StaffCredentials credentials) {
    this.authenticationProvider = new Basic(credentials);
    this.servletPathPrefix = PATH;
  }

  /** Configured in the constructor, not by the servlet container's init parameters. */
  @Override
  public void init(FilterConfig filterConfig) {}

  /**
   * Every path, {@code /engine} (the list of engines) included: Camunda lets that one through
   * without credentials, and the README promises 401 and nothing else to a caller without them.
   */
  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  /** {@code /engine} and {@code /engine/} name no engine: they are checked against the default. */
  @Override
  protected String extractEngineName(String requestUrl) {
    String name = super.extractEngineName(requestUrl);
    return name.isEmpty() ? DEFAULT_ENGINE_NAME : name;
  }

  private record Basic(StaffCredentials credentials) implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(
        HttpServletRequest request, ProcessEngine engine) {
      return BasicCredentials.of(request)
          .flatMap(credentials::verify)
          .map(
              staff -> {
                AuthenticationResult result = AuthenticationResult.successful(staff.userId());
                result.setGroups(staff.groups());
                result.setTenants(staff.tenants());
                return result;
              })
          .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(
        HttpServletResponse response, ProcessEngine engine) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + engine.getName() + "\"");
    }
  }
}
