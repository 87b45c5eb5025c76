package org.hotline12345.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Staff e-mail addresses: the e-mail field of the Camunda users in a group (kept in Camunda Admin).
 */
@Component
class StaffAddresses {

  private final IdentityService identity;

  StaffAddresses(IdentityService identity) {
    this.identity = identity;
  }

  /** The addresses of the members of {@code group} who have one, ordered by user id. */
  List<String> of(String group) {
    return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
        .map(User::getEmail)
        .filter(email -> email != null && !email.isBlank())
        .toList();
  }
}
