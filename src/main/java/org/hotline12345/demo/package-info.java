/**
 * The demo organisation for a local run: users, role and unit groups, application grants and
 * Tasklist filters, created once at start-up when {@code hotline.demo.enabled} is true.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo organisation")
package org.hotline12345.demo;
