/**
 * Camunda Forms on the server: reads each deployed form's rules (required, length, pattern,
 * choices) and checks them again on every submission, because form validation in the browser can be
 * skipped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package org.hotline12345.forms;
