/**
 * Routing: which unit handles a work order (the {@code workOrderRouting} table, else a dispatcher)
 * and the dispatch that starts the unit's signing clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.hotline12345.routing;
