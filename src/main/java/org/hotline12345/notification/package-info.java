/**
 * Notifications (通知): SMS to citizens and e-mail to staff, written to an outbox in the same
 * transaction as the process step that sends them, then delivered with retries by a poller.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.hotline12345.notification;
