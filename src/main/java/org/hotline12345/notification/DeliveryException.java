package org.hotline12345.notification;

/** A message could not be delivered this time; the outbox tries again or marks it FAILED. */
class DeliveryException extends RuntimeException {

  DeliveryException(String message) {
    super(message);
  }

  DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
