package org.hotline12345.notification;

import java.util.Optional;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess.Vars;

/**
 * Who receives a message, as a template's {@code to:} line names it: {@code citizen} (SMS to the
 * order's own phone), {@code unit} (e-mail to the members of the order's unit), {@code unitLeaders}
 * (its leaders), {@code coUnit} (the co-unit whose part of a co-handled order the step is) or a
 * role such as {@code dispatchers} or {@code supervisors}.
 */
record Audience(String name) {

  static final String CITIZEN = "citizen";
  static final String UNIT = "unit";
  static final String UNIT_LEADERS = "unitLeaders";
  static final String CO_UNIT = "coUnit";

  /** The audience a {@code to:} line names, empty if it names none. */
  static Optional<Audience> parse(String name) {
    boolean known =
        CITIZEN.equals(name)
            || UNIT.equals(name)
            || UNIT_LEADERS.equals(name)
            || CO_UNIT.equals(name)
            || Roles.all().contains(name);
    return known ? Optional.of(new Audience(name)) : Optional.empty();
  }

  Channel channel() {
    return CITIZEN.equals(name) ? Channel.SMS : Channel.EMAIL;
  }

  /**
   * The recipient of a message to this audience from a step with these variables: the citizen's
   * phone (never found here, see Notifications), or the Camunda group whose members get the e-mail.
   * Empty if the order has none.
   */
  Optional<String> recipient(java.util.function.Function<String, Object> variables) {
    Object value =
        switch (name) {
          // The engine holds the citizen's phone masked: Notifications reads the number itself.
          case CITIZEN -> null;
          case UNIT -> variables.apply(Vars.UNIT);
          case CO_UNIT -> variables.apply(Vars.CO_UNIT);
          case UNIT_LEADERS -> {
            Object unit = variables.apply(Vars.UNIT);
            yield unit == null ? null : Units.leadersOf(unit.toString());
          }
          default -> name;
        };
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString());
  }
}
