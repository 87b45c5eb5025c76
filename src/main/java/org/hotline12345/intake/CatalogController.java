package org.hotline12345.intake;

import static org.hotline12345.workorder.WorkOrderProcess.Vars;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.security.AsSystem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/catalog}: the codes a client may send, with their Chinese names, as the deployed
 * start form offers them (a test keeps the form and the decision tables' value lists the same).
 */
@RestController
class CatalogController {

  record Entry(String code, String name) {}

  record Catalog(
      List<Entry> channels,
      List<Entry> requestTypes,
      List<Entry> categories,
      List<Entry> districts) {}

  private final IntakeChecks checks;
  private final IdentityService identity;

  CatalogController(IntakeChecks checks, IdentityService identity) {
    this.checks = checks;
    this.identity = identity;
  }

  /**
   * The codes are no secret: read as the system, so that staff whose groups may not read the
   * process definition (the units) get them too, as the channels do.
   */
  @GetMapping("/api/catalog")
  Catalog catalog() {
    FormSchema form = AsSystem.call(identity, checks::currentStartForm);
    return new Catalog(
        entries(form, Vars.CHANNEL),
        entries(form, Vars.REQUEST_TYPE),
        entries(form, Vars.CATEGORY),
        entries(form, Vars.DISTRICT));
  }

  private static List<Entry> entries(FormSchema form, String key) {
    return form.field(key).map(FormSchema.Field::options).orElse(List.of()).stream()
        .map(o -> new Entry(o.value(), o.label()))
        .toList();
  }
}
