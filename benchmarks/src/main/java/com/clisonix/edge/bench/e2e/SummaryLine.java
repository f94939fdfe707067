package com.clisonix.edge.bench.e2e;

import java.util.Locale;

/**
 * The one line {@code run.sh --quick} ends with (issue 9): the highest end-to-end rate held for
 * 30 s with nothing lost, its ratios to the COPY and naive-bridge baselines at their own highest
 * rates, both p99 latencies at 2,000 readings/s, and the gateway's RSS at the gym load.
 *
 * @param e2eReadingsPerS messages per second stored exactly once (-1 when not measured)
 * @param copyReadingsPerS baseline 2's highest rate
 * @param naiveReadingsPerS baseline 3's highest rate
 * @param p99Micros publish to WebSocket, on readings that trigger an emission (-1 unknown)
 * @param brokerP99Micros publish to subscriber, no gateway (-1 unknown)
 * @param rssMb gateway resident set at the gym load (-1 unknown)
 */
public record SummaryLine(long e2eReadingsPerS, long copyReadingsPerS, long naiveReadingsPerS, long p99Micros,
    long brokerP99Micros, long rssMb) {

  public String format() {
    return "e2e_readings_per_s=" + e2eReadingsPerS
        + " copy_ratio=" + ratio(e2eReadingsPerS, copyReadingsPerS)
        + " naive_ratio=" + ratio(e2eReadingsPerS, naiveReadingsPerS)
        + " p99_ms=" + Latencies.ms(p99Micros)
        + " broker_p99_ms=" + Latencies.ms(brokerP99Micros)
        + " rss_mb=" + (rssMb < 0 ? "n/a" : Long.toString(rssMb));
  }

  /** {@code a / b} with two decimals, or "n/a" when either side was not measured. */
  static String ratio(long a, long b) {
    if (a < 0 || b <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", (double) a / b);
  }
}
