package com.clisonix.edge.gateway.config;

/**
 * How the live cache writes to Redis ({@code live_cache.*}): how often the buffered metrics and
 * readings go out as one pipelined batch, how many readings may wait while Redis is slow or down
 * (the oldest are dropped beyond it), how long one Redis round trip may take, and the longest wait
 * between attempts while Redis does not answer. The 5-minute lifetime of every entry is the spec's
 * cache policy and not a setting.
 */
public record LiveCacheOptions(int flushMs, int maxPending, int timeoutMs, int maxBackoffMs) {
  public static final LiveCacheOptions DEFAULTS = new LiveCacheOptions(100, 20_000, 500, 10_000);

  static LiveCacheOptions from(ConfigReader r) {
    return new LiveCacheOptions(
        r.integer("live_cache.flush_ms", DEFAULTS.flushMs(), 10, 10_000),
        r.integer("live_cache.max_pending", DEFAULTS.maxPending(), 100, 10_000_000),
        r.integer("live_cache.timeout_ms", DEFAULTS.timeoutMs(), 50, 30_000),
        r.integer("live_cache.max_backoff_ms", DEFAULTS.maxBackoffMs(), 100, 600_000));
  }
}
