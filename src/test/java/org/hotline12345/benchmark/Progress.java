package org.hotline12345.benchmark;

/** How far an order has come: the step it waits at, or closed. */
enum Progress {
  TO_SIGN,
  IN_HANDLING,
  IN_REVIEW,
  IN_REVISIT,
  CLOSED
}
