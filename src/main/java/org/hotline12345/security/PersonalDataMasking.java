package org.hotline12345.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Masks the citizen's personal data ({@link PersonalData#VARIABLES}) in every JSON answer of the
 * engine REST API and of the webapps' API (Cockpit, Tasklist) for callers whose role need not
 * contact the citizen: dispatchers, reviewers, supervisors, auditors, process owners. Hotline and
 * revisit agents, administrators and the units (which only ever read their own orders) see it in
 * full. Camunda has no per-variable permission, so this is done where the data leaves.
 */
class PersonalDataMasking extends OncePerRequestFilter {

  private static final Set<String> MAY_CONTACT =
      Set.of(Roles.HOTLINE_AGENTS, Roles.REVISIT_AGENTS, Groups.CAMUNDA_ADMIN);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;

  PersonalDataMasking(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user = user(request);
    if (user.isEmpty() || mayContactCitizens(user.get())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    String type = buffered.getContentType();
    if (body.length > 0 && type != null && type.contains("json")) {
      JsonNode tree = JSON.readTree(body);
      if (mask(tree)) {
        buffered.resetBuffer();
        buffered.getOutputStream().write(JSON.writeValueAsBytes(tree));
      }
    }
    buffered.copyBodyToResponse();
  }

  /** The user of the request: the webapps' session user, or the engine REST API's Basic user. */
  private static Optional<String> user(HttpServletRequest request) {
    Authentications session =
        request.getSession(false) == null
            ? null
            : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    if (session != null) {
      Authentication user = session.getAuthenticationForProcessEngine("default");
      if (user != null && user.getIdentityId() != null) {
        return Optional.of(user.getIdentityId());
      }
    }
    return BasicCredentials.of(request).map(BasicCredentials::user);
  }

  private boolean mayContactCitizens(String user) {
    List<Group> groups = identity.createGroupQuery().groupMember(user).list();
    return groups.stream()
        .anyMatch(g -> MAY_CONTACT.contains(g.getId()) || Units.GROUP_TYPE.equals(g.getType()));
  }

  /**
   * Masks personal data wherever the engine's JSON carries a variable: as {@code {"name": "phone",
   * "value": ...}} (variable instances), {@code {"variableName": "phone", "value": ...}} (history
   * details) or {@code {"phone": {"value": ...}}} (variable maps). True if anything was masked.
   */
  static boolean mask(JsonNode node) {
    boolean masked = false;
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      String name = object.path("name").asText(object.path("variableName").asText(null));
      if (name != null
          && PersonalData.VARIABLES.contains(name)
          && object.get("value") != null
          && object.get("value").isTextual()) {
        object.set(
            "value",
            TextNode.valueOf((String) PersonalData.mask(name, object.get("value").asText())));
        masked = true;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (PersonalData.VARIABLES.contains(field.getKey())
            && value.isObject()
            && value.path("value").isTextual()) {
          ((ObjectNode) value)
              .set(
                  "value",
                  TextNode.valueOf(
                      (String) PersonalData.mask(field.getKey(), value.path("value").asText())));
          masked = true;
        } else {
          masked |= mask(value);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        masked |= mask(item);
      }
    }
    return masked;
  }
}
