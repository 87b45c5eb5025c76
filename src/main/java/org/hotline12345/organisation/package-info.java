/**
 * The hotline's roles and handling units as Camunda groups, and the unit directory the processes
 * ask. Units are data kept in Camunda Admin, not code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.hotline12345.organisation;
