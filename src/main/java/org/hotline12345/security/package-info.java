/**
 * Who may call the hotline: HTTP Basic against Camunda's users for staff and the engine REST API,
 * per-channel API keys (stored hashed) for outside channels, what each caller may do, and what the
 * models and filters they deploy or save may run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.hotline12345.security;
