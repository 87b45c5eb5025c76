package org.hotline12345.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the hotline's API ({@code /api/**}): HTTP Basic against Camunda's
 * users (staff), or an {@code X-Api-Key} of an outside channel. The staff member's Camunda
 * authentication is set for the request, so the engine's authorization checks apply to what the API
 * reads. Anything else answers 401 and says nothing more.
 */
class ApiAuthentication extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-Api-Key";

  private static final String UNAUTHORIZED_BODY =
      "{\"type\":\"about:blank\",\"title\":\"需要认证\",\"status\":401,"
          + "\"detail\":\"请使用工作人员账号（HTTP Basic）或渠道密钥（X-Api-Key）\"}";

  private final IdentityService identity;
  private final StaffCredentials staff;
  private final ChannelKeys keys;

  ApiAuthentication(IdentityService identity, StaffCredentials staff, ChannelKeys keys) {
    this.identity = identity;
    this.staff = staff;
    this.keys = keys;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<ApiCaller> caller = authenticate(request);
    if (caller.isEmpty()) {
      refuse(response, UNAUTHORIZED_BODY);
      return;
    }
    request.setAttribute(ApiCaller.ATTRIBUTE, caller.get());
    if (!caller.get().isChannel()) {
      identity.setAuthentication(caller.get().userId(), caller.get().groups());
    }
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Optional<ApiCaller> authenticate(HttpServletRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    if (key != null) {
      return keys.channelOf(key).map(ApiCaller::channel);
    }
    return staff(staff, request);
  }

  /** The staff member whose Camunda user and password the request's HTTP Basic header carries. */
  static Optional<ApiCaller> staff(StaffCredentials credentials, HttpServletRequest request) {
    return BasicCredentials.of(request)
        .flatMap(credentials::verify)
        .map(verified -> ApiCaller.staff(verified.userId(), verified.groups()));
  }

  /** 401 with a problem detail, and nothing more. */
  static void refuse(HttpServletResponse response, String problem) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"12345\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem);
  }
}
