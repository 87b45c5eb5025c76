package org.hotline12345.privacy;

import java.util.List;
import org.hotline12345.organisation.Roles;
import org.hotline12345.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Auditors and administrators read who was shown a citizen's personal data for an order (谁使用、谁负责):
 * {@code GET /api/privacy/accesses?workOrder=20261130-000001}.
 */
@RestController
@RequestMapping("/api/privacy/accesses")
class PersonalDataAccessController {

  private final CitizenContacts contacts;

  PersonalDataAccessController(CitizenContacts contacts) {
    this.contacts = contacts;
  }

  @GetMapping
  List<CitizenContacts.Access> of(
      @RequestParam String workOrder, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    if (!caller.isAdministrator() && !caller.isIn(Roles.AUDITORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅考核审计员和管理员可查看个人信息使用记录");
    }
    return contacts.accessesOf(workOrder);
  }
}
