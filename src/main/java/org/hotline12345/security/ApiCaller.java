package org.hotline12345.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who called the hotline's own API ({@code /api/**}): a staff member (Camunda user and groups,
 * through HTTP Basic) or an outside channel (through its API key). Put in the request attribute
 * {@link #ATTRIBUTE} by the authentication filter; a request without one never reaches a
 * controller.
 */
public record ApiCaller(String userId, List<String> groups, String channel) {

  public static final String ATTRIBUTE = "org.hotline12345.security.ApiCaller";

  public static ApiCaller staff(String userId, List<String> groups) {
    return new ApiCaller(userId, List.copyOf(groups), null);
  }

  public static ApiCaller channel(String channel) {
    return new ApiCaller(null, List.of(), channel);
  }

  public boolean isChannel() {
    return channel != null;
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }

  /** A staff member in Camunda's administrators group (a channel never is). */
  public boolean isAdministrator() {
    return !isChannel() && isIn(Groups.CAMUNDA_ADMIN);
  }

  /** For logs and records: the user, or the channel's name. */
  public String name() {
    return isChannel() ? "channel:" + channel : userId;
  }
}
