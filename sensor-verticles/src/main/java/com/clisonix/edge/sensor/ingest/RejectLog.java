package com.clisonix.edge.sensor.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides whether a rejection deserves a log line: at most one a minute per source, so a broken
 * bridge sending garbage at 50 Hz cannot flood the log, while the counter still counts them all.
 */
public final class RejectLog {
  private static final long INTERVAL_MS = 60_000;
  private final Map<String, long[]> last = new HashMap<>();
  private final LongSupplier clock;

  public RejectLog(LongSupplier clock) {
    this.clock = clock;
  }

  /** @return how many rejections of this source went unlogged since its last line, or -1 to stay quiet */
  public long shouldLog(String source) {
    long now = clock.getAsLong();
    long[] state = last.get(source);
    if (state == null) {
      if (last.size() > 10_000) {
        last.clear();
      }
      last.put(source, new long[] {now, 0});
      return 0;
    }
    if (now - state[0] >= INTERVAL_MS) {
      long suppressed = state[1];
      state[0] = now;
      state[1] = 0;
      return suppressed;
    }
    state[1]++;
    return -1;
  }
}
