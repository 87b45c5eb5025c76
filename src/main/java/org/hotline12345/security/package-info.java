/**
 * Who may call the hotline: HTTP Basic against Camunda's users for staff and the engine REST API,
 * per-channel API keys (stored hashed) for outside channels, and what each caller may do.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.hotline12345.security;
