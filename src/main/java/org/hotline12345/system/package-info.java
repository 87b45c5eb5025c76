/**
 * Running the hotline as a service on several nodes: the engine's database schema (created and
 * upgraded once, under a lock), the start-up work every module does before the port opens, and the
 * database check the readiness probe uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.hotline12345.system;
