package org.hotline12345.notification;

/** How a message travels: SMS to a citizen's phone, e-mail to staff. */
public enum Channel {
  SMS,
  EMAIL
}
