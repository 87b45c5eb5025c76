/**
 * Revisit and closing: the centre calls the citizen back, records satisfaction, and closes the
 * order with its outcome recorded for Cockpit, the history API and the assessment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Revisit")
package org.hotline12345.revisit;
