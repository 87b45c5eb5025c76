/**
 * Escalation (督办): the ladder that runs while a unit handles an order (warning, overdue,
 * supervisors, the government supervision office), as its own process {@code handlingEscalation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package org.hotline12345.escalation;
