/**
 * Intake: a citizen's request becomes a work order, from Tasklist's start form or the intake API
 * ({@code /api/work-orders}, {@code /api/catalog}); checks every field and gives the order its
 * number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.hotline12345.intake;
