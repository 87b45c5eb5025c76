/**
 * Camunda Forms on the server: reads each deployed form's rules (required, length, pattern,
 * choices) and checks them again on every submission, because form validation in the browser can be
 * skipped. Also the edge every request passes: strict JSON bodies, one definition of characters,
 * and every refusal or error answered as an RFC 9457 problem detail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package org.hotline12345.forms;
