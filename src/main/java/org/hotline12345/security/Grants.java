package org.hotline12345.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Grants a group permissions on a resource, idempotently: Camunda keeps one grant per group and
 * resource, so missing permissions are added to the existing one.
 */
public final class Grants {

  private Grants() {}

  /** True if something was granted, false if the group had every permission already. */
  public static boolean grant(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    Authorization grant = authorization;
    List<Permission> missing =
        Arrays.stream(permissions).filter(p -> !grant.isPermissionGranted(p)).toList();
    if (missing.isEmpty()) {
      return false;
    }
    missing.forEach(grant::addPermission);
    authorizations.saveAuthorization(grant);
    return true;
  }
}
