package com.clisonix.edge.gateway.replication;

/**
 * Paces the drain after an outage: {@code rate} rows per second with at most one second of burst,
 * so a backlog of hours reaches the cloud as a steady stream instead of a flood.
 */
final class TokenBucket {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(int rowsPerSecond, long nowNanos) {
    this.rate = rowsPerSecond;
    this.capacity = rowsPerSecond;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) / 1e9 * rate);
    last = nowNanos;
  }

  /** Whole rows that may be sent now. */
  int available(long nowNanos) {
    refill(nowNanos);
    return (int) Math.floor(tokens);
  }

  /** Milliseconds until {@code rows} (at most one second's worth) may be sent. */
  long waitMs(int rows, long nowNanos) {
    refill(nowNanos);
    double need = Math.min(rows, capacity) - tokens;
    return need <= 0 ? 0 : (long) Math.ceil(need / rate * 1000);
  }

  void take(int rows, long nowNanos) {
    refill(nowNanos);
    tokens -= rows;
  }
}
