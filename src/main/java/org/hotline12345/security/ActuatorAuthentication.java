package org.hotline12345.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who asks the actuator ({@code /actuator/**}). A probe or load balancer asks without credentials
 * and gets the status alone (200 or 503). Staff may send HTTP Basic with their Camunda user: the
 * request then carries that user and their groups as roles, so that Spring Boot shows the details
 * of each health component to Camunda administrators ({@code management.endpoint.health.roles:
 * camunda-admin}) and to nobody else. Wrong credentials answer 401 and count as a refused login, as
 * everywhere else.
 */
class ActuatorAuthentication extends OncePerRequestFilter {

  private static final String UNAUTHORIZED_BODY =
      "{\"type\":\"about:blank\",\"title\":\"需要认证\",\"status\":401,"
          + "\"detail\":\"用户名或密码不正确；探针无需凭据\"}";

  private final StaffCredentials credentials;

  ActuatorAuthentication(StaffCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiCaller> staff = ApiAuthentication.staff(credentials, request);
    if (staff.isEmpty()) {
      ApiAuthentication.refuse(response, UNAUTHORIZED_BODY);
      return;
    }
    chain.doFilter(new AsStaff(request, staff.get()), response);
  }

  /** The request as Spring Boot's endpoints read it: the Camunda user, groups as roles. */
  private static final class AsStaff extends HttpServletRequestWrapper {

    private final ApiCaller staff;

    AsStaff(HttpServletRequest request, ApiCaller staff) {
      super(request);
      this.staff = staff;
    }

    @Override
    public Principal getUserPrincipal() {
      return staff::userId;
    }

    @Override
    public String getRemoteUser() {
      return staff.userId();
    }

    @Override
    public boolean isUserInRole(String role) {
      return staff.isIn(role);
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
