package com.clisonix.edge.sensor.ingest;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (each delay uniform in [0, min(cap, base·2^attempt)]).
 * Jitter keeps a gym full of boxes, or a box's several clients, from reconnecting in lock-step
 * after a broker restart.
 */
public final class Backoff {
  private final long baseMs;
  private final long capMs;
  private final RandomGenerator random;
  private int attempt;

  public Backoff(long baseMs, long capMs, RandomGenerator random) {
    if (baseMs <= 0 || capMs < baseMs) {
      throw new IllegalArgumentException("need 0 < base <= cap");
    }
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.random = random;
  }

  /** The delay before the next attempt; each call counts one more failure. Never below 1 ms. */
  public long nextDelayMs() {
    long ceiling = ceilingMs(attempt);
    if (attempt < 62) {
      attempt++;
    }
    return 1 + (long) (random.nextDouble() * ceiling);
  }

  /** The upper bound of the delay after {@code failures} failures. */
  public long ceilingMs(int failures) {
    if (failures >= 62) {
      return capMs;
    }
    long exp = baseMs << Math.min(failures, 62);
    return exp <= 0 || exp > capMs ? capMs : exp;
  }

  public void reset() {
    attempt = 0;
  }

  public int attempts() {
    return attempt;
  }
}
