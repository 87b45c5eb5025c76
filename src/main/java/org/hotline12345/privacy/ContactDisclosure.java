package org.hotline12345.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.AsSystem;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Shows the citizen's personal data in full in the form of a task, and nowhere else: when a task's
 * form variables ({@code GET .../task/{id}/form-variables}, what Tasklist reads to fill a Camunda
 * Form) are answered to someone who contacts citizens (the units, hotline and revisit agents,
 * administrators), the masked values the engine holds are replaced by the registered ones, and the
 * showing is recorded. Who is asking is the authentication the engine itself used for the request
 * (set by the engine REST API's or the webapps' authentication filter); without one, or for any
 * other answer, nothing is added: a failure here shows less, never more.
 */
class ContactDisclosure extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES =
      Pattern.compile(".*/task/([A-Za-z0-9\\-_:.]+)/form-variables/?");
  private static final Set<String> MAY_CONTACT =
      Set.of(Roles.HOTLINE_AGENTS, Roles.REVISIT_AGENTS, Groups.CAMUNDA_ADMIN);
  private static final Set<String> UNIT_TYPES = Set.of(Units.GROUP_TYPE, Units.LEADERS_GROUP_TYPE);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/";
  private static final String ENGINE = "default";

  private final IdentityService identity;
  private final TaskService tasks;
  private final CitizenContacts contacts;

  ContactDisclosure(IdentityService identity, TaskService tasks, CitizenContacts contacts) {
    this.identity = identity;
    this.tasks = tasks;
    this.contacts = contacts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    Authentication caller = caller(request);
    if (buffered.getStatus() == HttpStatus.OK.value()
        && caller != null
        && mayContactCitizens(caller)) {
      Matcher path = FORM_VARIABLES.matcher(request.getRequestURI());
      if (path.matches()) {
        Optional<byte[]> disclosed =
            disclose(caller, path.group(1), buffered.getContentAsByteArray());
        if (disclosed.isPresent()) {
          buffered.resetBuffer();
          buffered.getOutputStream().write(disclosed.get());
        }
      }
    }
    buffered.copyBodyToResponse();
  }

  private Optional<byte[]> disclose(Authentication caller, String taskId, byte[] body)
      throws IOException {
    JsonNode variables = JSON.readTree(body);
    if (!(variables instanceof ObjectNode object)
        || PersonalData.VARIABLES.stream().noneMatch(object::has)) {
      return Optional.empty();
    }
    Task task =
        AsSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    Optional<CitizenContacts.Contact> contact = contacts.of(task.getProcessInstanceId());
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    List<String> shown = new ArrayList<>();
    for (Map.Entry<String, String> value : contact.get().asVariables().entrySet()) {
      if (object.get(value.getKey()) instanceof ObjectNode variable) {
        variable.set("value", TextNode.valueOf(value.getValue()));
        shown.add(value.getKey());
      }
    }
    if (shown.isEmpty()) {
      return Optional.empty();
    }
    contacts.shown(caller.getUserId(), task.getProcessInstanceId(), taskId, shown);
    return Optional.of(JSON.writeValueAsBytes(object));
  }

  /**
   * The engine REST API's caller is the authentication its filter set for the engine (that filter
   * runs before this one). The webapps' own filters run after this one, so a webapp request's
   * caller is the webapps' login as the session holds it, which is what their filter sets for the
   * engine.
   */
  private Authentication caller(HttpServletRequest request) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + WEBAPP_ENGINE_API)) {
      return identity.getCurrentAuthentication();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    UserAuthentication login =
        AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE)
                instanceof UserAuthentication user
            ? user
            : null;
    return login == null || login.getIdentityId() == null || login.getGroupIds() == null
        ? null
        : new Authentication(login.getIdentityId(), List.copyOf(login.getGroupIds()));
  }

  /** Units and their leaders, hotline and revisit agents, administrators. */
  private boolean mayContactCitizens(Authentication caller) {
    List<String> groups = caller.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      return false;
    }
    if (groups.stream().anyMatch(MAY_CONTACT::contains)) {
      return true;
    }
    return AsSystem.call(
        identity,
        () ->
            identity.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list().stream()
                .anyMatch(group -> UNIT_TYPES.contains(group.getType())));
  }
}
