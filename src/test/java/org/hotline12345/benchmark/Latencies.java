package org.hotline12345.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Measured durations, in milliseconds, and their percentiles (nearest rank). */
record Latencies(double[] sortedMillis) {

  static Latencies of(Collection<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Latencies(sorted);
  }

  int count() {
    return sortedMillis.length;
  }

  /** The {@code percent}th percentile, or NaN when nothing was measured. */
  double percentile(double percent) {
    if (sortedMillis.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sortedMillis.length);
    return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
  }

  double min() {
    return sortedMillis.length == 0 ? Double.NaN : sortedMillis[0];
  }

  double max() {
    return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
  }
}
