package org.hotline12345.security;

import static org.hotline12345.security.Grants.grant;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.system.StartupWork;
import org.hotline12345.workorder.WorkOrderProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each hotline role may see, granted at every start (idempotent), in every environment:
 *
 * <ul>
 *   <li>the centre's roles (agents, dispatchers, reviewers, revisit agents, supervisors) read every
 *       work order and its history, because they answer citizens about any of them, and use
 *       Tasklist; hotline agents start work orders;
 *   <li>auditors and supervisors read everything in Cockpit and the history API and change nothing;
 *   <li>process owners also deploy models from Camunda Modeler.
 * </ul>
 *
 * Units get Tasklist and the process definition here, and no order: each unit reads only the orders
 * dispatched to it, granted per order by {@link OrderGrants}. Tasks are reached through their
 * candidate groups.
 */
@Component
class RoleGrants implements StartupWork {

  private static final Logger LOG = LoggerFactory.getLogger(RoleGrants.class);
  private static final String ANY = "*";

  private static final List<String> CENTRE =
      List.of(
          Roles.HOTLINE_AGENTS,
          Roles.DISPATCHERS,
          Roles.REVIEWERS,
          Roles.REVISIT_AGENTS,
          Roles.SUPERVISORS);
  private static final List<String> READERS =
      List.of(Roles.AUDITORS, Roles.SUPERVISORS, Roles.SUPERVISION_OFFICE, Roles.PROCESS_OWNERS);

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  RoleGrants(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  @Override
  public void run() {
    int granted = 0;
    granted +=
        count(
            grant(
                authorizations,
                Roles.SUPERVISION_OFFICE,
                Resources.APPLICATION,
                "tasklist",
                Permissions.ACCESS));
    for (String role : CENTRE) {
      granted +=
          count(grant(authorizations, role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      granted +=
          count(
              grant(
                  authorizations,
                  role,
                  Resources.PROCESS_DEFINITION,
                  WorkOrderProcess.KEY,
                  Permissions.READ,
                  Permissions.READ_INSTANCE,
                  Permissions.READ_HISTORY));
      granted += count(grant(authorizations, role, Resources.GROUP, ANY, Permissions.READ));
    }
    granted +=
        count(
            grant(
                authorizations,
                Roles.HOTLINE_AGENTS,
                Resources.PROCESS_DEFINITION,
                WorkOrderProcess.KEY,
                Permissions.CREATE_INSTANCE));
    granted +=
        count(
            grant(
                authorizations,
                Roles.HOTLINE_AGENTS,
                Resources.PROCESS_INSTANCE,
                ANY,
                Permissions.CREATE));
    for (String reader : READERS) {
      granted +=
          count(
              grant(authorizations, reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      granted += readEverything(reader);
    }
    granted +=
        count(
            grant(
                authorizations,
                Roles.PROCESS_OWNERS,
                Resources.DEPLOYMENT,
                ANY,
                Permissions.READ,
                Permissions.CREATE));
    granted += letEveryUnitWork();
    LOG.info("Role grants: {} added", granted);
  }

  /**
   * Every unit and leaders group opens Tasklist and reads the work-order process (not its orders):
   * granted here once, so that the first orders dispatched to a unit at the same moment do not both
   * create these grants (one of them would fail on Camunda's unique grant per group and resource).
   * A unit added later in Admin gets them with its first order ({@link OrderGrants}).
   */
  private int letEveryUnitWork() {
    int granted = 0;
    for (String type : List.of(Units.GROUP_TYPE, Units.LEADERS_GROUP_TYPE)) {
      for (Group group : identity.createGroupQuery().groupType(type).list()) {
        granted += count(OrderGrants.letWork(authorizations, group.getId()));
      }
    }
    return granted;
  }

  private int readEverything(String group) {
    int granted = 0;
    granted +=
        readAll(
            group,
            Resources.PROCESS_DEFINITION,
            Permissions.READ,
            Permissions.READ_INSTANCE,
            Permissions.READ_HISTORY);
    granted +=
        readAll(group, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
    granted += readAll(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
    granted += readAll(group, Resources.DEPLOYMENT, Permissions.READ);
    granted += readAll(group, Resources.PROCESS_INSTANCE, Permissions.READ);
    granted += readAll(group, Resources.TASK, Permissions.READ);
    granted +=
        readAll(
            group, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
    granted += readAll(group, Resources.HISTORIC_TASK, HistoricTaskPermissions.READ);
    granted += readAll(group, Resources.GROUP, Permissions.READ);
    granted += readAll(group, Resources.USER, Permissions.READ);
    return granted;
  }

  private int readAll(String group, Resource resource, Permission... permissions) {
    return count(grant(authorizations, group, resource, ANY, permissions));
  }

  private static int count(boolean granted) {
    return granted ? 1 : 0;
  }
}
