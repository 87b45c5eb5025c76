package org.hotline12345.knowledge;

import static org.hotline12345.security.Grants.grant;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.hotline12345.organisation.Roles;
import org.hotline12345.system.StartupWork;
import org.springframework.stereotype.Component;

/**
 * Who sees knowledge gaps, granted at every start (idempotent), in every environment: reviewers
 * (who publish the answers) and supervisors (who chase late ones) read every gap; a unit sees the
 * gaps opened for it, granted when each gap opens. Tasks are reached through their candidate
 * groups, as in the work order.
 */
@Component
class KnowledgeGrants implements StartupWork {

  private final AuthorizationService authorizations;

  KnowledgeGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run() {
    for (String role : new String[] {Roles.REVIEWERS, Roles.SUPERVISORS}) {
      grant(
          authorizations,
          role,
          Resources.PROCESS_DEFINITION,
          KnowledgeGapProcess.KEY,
          Permissions.READ,
          Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
    }
  }

  /** The unit works the gap in Tasklist and reads it and its history. */
  static void letUnitSee(AuthorizationService authorizations, String unit, String gapInstanceId) {
    grant(authorizations, unit, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(
        authorizations,
        unit,
        Resources.PROCESS_DEFINITION,
        KnowledgeGapProcess.KEY,
        Permissions.READ);
    grant(authorizations, unit, Resources.PROCESS_INSTANCE, gapInstanceId, Permissions.READ);
    grant(
        authorizations,
        unit,
        Resources.HISTORIC_PROCESS_INSTANCE,
        gapInstanceId,
        HistoricProcessInstancePermissions.READ);
  }
}
