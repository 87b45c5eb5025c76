package org.hotline12345.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hotline's roles, each a Camunda group of type {@value #GROUP_TYPE}. Ids are plain
 * alphanumerics because Camunda rejects hyphens in group ids; names are what people see in Tasklist
 * and Admin.
 */
public final class Roles {

  public static final String GROUP_TYPE = "ROLE";

  public static final String HOTLINE_AGENTS = "hotlineAgents";
  public static final String DISPATCHERS = "dispatchers";
  public static final String REVIEWERS = "reviewers";
  public static final String REVISIT_AGENTS = "revisitAgents";
  public static final String SUPERVISORS = "supervisors";

  /** The government supervision office (政府督查室), where escalations end (升级督办). */
  public static final String SUPERVISION_OFFICE = "supervisionOffice";

  public static final String AUDITORS = "auditors";
  public static final String PROCESS_OWNERS = "processOwners";

  private static final Map<String, String> NAMES = names();

  private Roles() {}

  /** Every role id, in the order a work order meets them. */
  public static List<String> all() {
    return List.copyOf(NAMES.keySet());
  }

  /** The Chinese name of a role, empty if the id is not a role. */
  public static Optional<String> nameOf(String roleId) {
    return Optional.ofNullable(NAMES.get(roleId));
  }

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(HOTLINE_AGENTS, "话务员");
    names.put(DISPATCHERS, "派单员");
    names.put(REVIEWERS, "审核员");
    names.put(REVISIT_AGENTS, "回访员");
    names.put(SUPERVISORS, "督办员");
    names.put(SUPERVISION_OFFICE, "政府督查室");
    names.put(AUDITORS, "考核审计员");
    names.put(PROCESS_OWNERS, "流程管理员");
    return Collections.unmodifiableMap(names);
  }
}
