package com.clisonix.edge.bench.e2e;

import java.util.Arrays;

/**
 * Latency samples in microseconds, kept whole (a run holds at most a few hundred thousand), so
 * percentiles are exact nearest-rank values rather than bucket estimates. Thread-safe.
 */
public final class Latencies {
  private long[] values = new long[1024];
  private int size;

  public synchronized void add(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  public synchronized int count() {
    return size;
  }

  public synchronized void clear() {
    size = 0;
  }

  /**
   * Nearest-rank percentile: the smallest sample such that at least {@code q} of all samples are
   * at or below it.
   *
   * @param q between 0 (exclusive) and 1 (inclusive)
   * @return microseconds, or -1 with no samples
   */
  public synchronized long percentile(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1]: " + q);
    }
    if (size == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size);
    return sorted[Math.max(0, rank - 1)];
  }

  public synchronized long max() {
    long m = -1;
    for (int i = 0; i < size; i++) {
      m = Math.max(m, values[i]);
    }
    return m;
  }

  /** p50/p99/p99.9/max in milliseconds with the sample count, for reports. */
  public String summary() {
    return String.format(java.util.Locale.ROOT, "n=%d p50_ms=%s p99_ms=%s p99.9_ms=%s max_ms=%s", count(),
        ms(percentile(0.50)), ms(percentile(0.99)), ms(percentile(0.999)), ms(max()));
  }

  /** Microseconds as milliseconds with two decimals; "n/a" for no value. */
  public static String ms(long micros) {
    return micros < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", micros / 1000.0);
  }
}
