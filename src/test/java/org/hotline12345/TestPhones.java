package org.hotline12345;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Phone numbers for test requests: a new one each time, because a request from the same phone on
 * the same matter while an order is open is linked to that order instead of starting a new one.
 */
public final class TestPhones {

  private TestPhones() {}

  /** A valid mobile number no other test request uses (in practice). */
  public static String unique() {
    return "13" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
  }
}
