/**
 * The work order itself: the {@code workOrder} process descriptor, the numbers citizens quote, and
 * the read model (status, stage, unit, deadlines, outcome) that the API and tests read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work order")
package org.hotline12345.workorder;
