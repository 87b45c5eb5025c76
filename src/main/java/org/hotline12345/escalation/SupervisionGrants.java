package org.hotline12345.escalation;

import static org.hotline12345.security.Grants.grant;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.hotline12345.organisation.Roles;
import org.hotline12345.system.StartupWork;
import org.springframework.stereotype.Component;

/**
 * Supervisors may open supervision on any order by hand: they start {@code orderSupervision}
 * (granted at every start).
 */
@Component
class SupervisionGrants implements StartupWork {

  private final AuthorizationService authorizations;

  SupervisionGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run() {
    grant(
        authorizations,
        Roles.SUPERVISORS,
        Resources.PROCESS_DEFINITION,
        OrderSupervisionProcess.KEY,
        Permissions.CREATE_INSTANCE);
    grant(authorizations, Roles.SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }
}
