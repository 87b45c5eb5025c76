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
 * The actuator answers probes without credentials (status only); a staff member's HTTP Basic
 * credentials make the request authenticated, so {@code show-details: when-authorized} shows the
 * components' details to them and to nobody else. Wrong credentials are a 401, as on the APIs.
 */
class HealthAuthentication extends OncePerRequestFilter {

  private final StaffCredentials staff;

  HealthAuthentication(StaffCredentials staff) {
    this.staff = staff;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<StaffCredentials.Staff> verified = BasicCredentials.of(request).flatMap(staff::verify);
    if (verified.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"12345\"");
      return;
    }
    StaffCredentials.Staff user = verified.get();
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return user::userId;
          }

          @Override
          public String getRemoteUser() {
            return user.userId();
          }

          @Override
          public boolean isUserInRole(String role) {
            return user.groups().contains(role);
          }
        },
        response);
  }
}
