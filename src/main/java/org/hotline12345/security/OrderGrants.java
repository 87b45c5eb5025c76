package org.hotline12345.security;

import static org.hotline12345.security.Grants.grant;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Service;

/**
 * A unit (and its leaders) sees a work order, its runtime and its history, only once the order is
 * dispatched to it (called by the dispatch step), and works in Tasklist from then on. Its tasks it
 * reaches through their candidate group.
 */
@Service
public class OrderGrants {

  private final AuthorizationService authorizations;
  private final HistoryService history;

  public OrderGrants(AuthorizationService authorizations, HistoryService history) {
    this.authorizations = authorizations;
    this.history = history;
  }

  public void letUnitRead(String unit, String processInstanceId) {
    letRead(unit, processInstanceId);
    letRead(Units.leadersOf(unit), processInstanceId);
  }

  private void letRead(String unit, String processInstanceId) {
    letWork(authorizations, unit);
    grant(authorizations, unit, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    grant(
        authorizations,
        unit,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * The unit opens Tasklist and reads the work-order process; true if it could not before. Granted
   * to every unit at start ({@link RoleGrants}), so only a unit added since then gets it here.
   */
  static boolean letWork(AuthorizationService authorizations, String unit) {
    boolean tasklist =
        grant(authorizations, unit, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    boolean process =
        grant(
            authorizations,
            unit,
            Resources.PROCESS_DEFINITION,
            WorkOrderProcess.KEY,
            Permissions.READ);
    return tasklist || process;
  }

  /** The unit returned the order: it no longer sees it (its history stays with the order). */
  public void revokeUnit(String unit, String processInstanceId) {
    revoke(unit, processInstanceId);
    revoke(Units.leadersOf(unit), processInstanceId);
  }

  /**
   * The order has ended: every grant on it, its history and its historic tasks is deleted ({@link
   * GrantsEndWithTheOrder}).
   */
  void endWith(String processInstanceId) {
    deleteGrants(Resources.PROCESS_INSTANCE, processInstanceId);
    deleteGrants(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
    history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(task -> deleteGrants(Resources.HISTORIC_TASK, task.getId()));
  }

  private void deleteGrants(Resources resource, String resourceId) {
    authorizations
        .createAuthorizationQuery()
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  private void revoke(String unit, String processInstanceId) {
    for (Resources resource :
        new Resources[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
      authorizations
          .createAuthorizationQuery()
          .groupIdIn(unit)
          .resourceType(resource)
          .resourceId(processInstanceId)
          .list()
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }
}
