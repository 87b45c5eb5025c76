package org.hotline12345.notification;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.privacy.CitizenContacts;
import org.hotline12345.privacy.PersonalData;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Puts a message in the outbox for a process step: renders its template with the step's variables
 * and addresses it to the template's audience. Nothing is sent here; the outbox row is written in
 * the step's own transaction and delivered after it commits.
 */
@Service
class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  /** Mainland mobile numbers, the only ones an SMS reaches. */
  private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

  private final NotificationTemplates templates;
  private final Placeholders placeholders;
  private final Outbox outbox;
  private final CitizenContacts contacts;

  Notifications(
      NotificationTemplates templates,
      Placeholders placeholders,
      Outbox outbox,
      CitizenContacts contacts) {
    this.templates = templates;
    this.placeholders = placeholders;
    this.outbox = outbox;
    this.contacts = contacts;
  }

  /** A process step and its variables. */
  record Step(
      String processInstanceId,
      String businessKey,
      String elementId,
      Function<String, Object> variables) {

    String workOrderNumber() {
      Object number = variables.apply(Vars.WORK_ORDER_NUMBER);
      return number != null ? number.toString() : businessKey;
    }
  }

  /**
   * Writes message {@code name} for {@code step} to the outbox; returns its id, empty if the order
   * has nobody to send it to (e.g. a citizen who called from a landline gets no SMS).
   */
  Optional<String> queue(String name, Step step) {
    Optional<MessageTemplate> found = templates.find(name);
    if (found.isEmpty()) {
      // A model deployed after start may name a template that does not exist: the step goes on,
      // and administrators see the message FAILED.
      LOG.error(
          "Work order {}: step {} names notification template {}, which does not exist",
          step.workOrderNumber(),
          step.elementId(),
          name);
      return Optional.of(
          outbox.addFailed(
              name,
              Channel.EMAIL,
              "?",
              step.workOrderNumber(),
              step.processInstanceId(),
              step.elementId(),
              "no notification template called " + name,
              ClockUtil.getCurrentTime()));
    }
    MessageTemplate template = found.get();
    // The engine holds the citizen's phone masked; the number itself is in the contact table.
    Optional<String> recipient =
        template.audience().channel() == Channel.SMS
            ? contacts.of(step.processInstanceId()).map(CitizenContacts.Contact::phone)
            : template.audience().recipient(step.variables());
    if (recipient.isEmpty()) {
      LOG.warn(
          "Work order {}: nobody to send {} to ({} unknown)",
          step.workOrderNumber(),
          name,
          template.audience().name());
      return Optional.empty();
    }
    if (template.audience().channel() == Channel.SMS
        && !MOBILE.matcher(recipient.get()).matches()) {
      LOG.info(
          "Work order {}: no SMS {}: {} is not a mobile number",
          step.workOrderNumber(),
          name,
          PersonalData.maskPhone(recipient.get()));
      return Optional.empty();
    }
    var values = placeholders.valuesFrom(step.variables());
    String id =
        outbox.add(
            name,
            template.audience().channel(),
            recipient.get(),
            template.renderSubject(values),
            template.renderBody(values),
            step.workOrderNumber(),
            step.processInstanceId(),
            step.elementId(),
            ClockUtil.getCurrentTime());
    LOG.debug("Work order {}: {} queued as {}", step.workOrderNumber(), name, id);
    return Optional.of(id);
  }
}
