package com.clisonix.edge.gateway.auth;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-window counters shared by every gateway of a gym through Redis: one atomic script
 * increments a window's counter and sets its expiry on first use, so concurrent boxes never lose
 * a count. When Redis does not answer, counting goes on in this box's memory (limits then apply
 * per box rather than per gym) and a warning is logged at most once a minute; requests are not
 * refused because Redis is down.
 */
public final class SharedCounters {
  private static final Logger LOG = LoggerFactory.getLogger(SharedCounters.class);
  private static final String INCREMENT = "local c = redis.call('INCR', KEYS[1]) "
      + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
      + "return {c, redis.call('PTTL', KEYS[1])}";
  private static final long REDIS_TIMEOUT_MS = 500;

  /** A window's count after this request and how long until it resets. */
  public record Window(long count, long resetInMs, boolean shared) {}

  private final Redis redis;
  private final String prefix;
  private final Map<String, long[]> local = new ConcurrentHashMap<>();
  private volatile long lastWarning;

  /** @param redis null when no Redis is configured */
  public SharedCounters(Redis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** Counts one event for {@code key} in the current window of {@code windowMs}. */
  public Future<Window> increment(String key, long windowMs) {
    long now = System.currentTimeMillis();
    long windowStart = now - now % windowMs;
    String windowKey = prefix + key + ":" + windowStart;
    if (redis == null) {
      return Future.succeededFuture(incrementLocally(windowKey, windowStart, windowMs, now));
    }
    return redis.send(Request.cmd(Command.EVAL).arg(INCREMENT).arg(1).arg(windowKey).arg(windowMs + 1000))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> toWindow(r, windowStart + windowMs - now))
        .recover(err -> {
          warn(err);
          return Future.succeededFuture(incrementLocally(windowKey, windowStart, windowMs, now));
        });
  }

  /** The current count without counting (0 when unknown). */
  public Future<Long> peek(String key, long windowMs) {
    long now = System.currentTimeMillis();
    long windowStart = now - now % windowMs;
    String windowKey = prefix + key + ":" + windowStart;
    long[] localCount = local.get(windowKey);
    long fallback = localCount == null ? 0 : localCount[0];
    if (redis == null) {
      return Future.succeededFuture(fallback);
    }
    return redis.send(Request.cmd(Command.GET).arg(windowKey))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> Math.max(fallback, r == null ? 0 : r.toLong()))
        .recover(err -> {
          warn(err);
          return Future.succeededFuture(fallback);
        });
  }

  private static Window toWindow(Response r, long fallbackReset) {
    long count = r.get(0).toLong();
    long ttl = r.get(1).toLong();
    return new Window(count, ttl > 0 ? ttl : fallbackReset, true);
  }

  private Window incrementLocally(String windowKey, long windowStart, long windowMs, long now) {
    if (local.size() > 10_000) {
      evict(now);
    }
    long[] c = local.computeIfAbsent(windowKey, k -> new long[] {0, windowStart + windowMs});
    long count;
    synchronized (c) {
      count = ++c[0];
    }
    return new Window(count, windowStart + windowMs - now, false);
  }

  private void evict(long now) {
    for (Iterator<Map.Entry<String, long[]>> it = local.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue()[1] < now) {
        it.remove();
      }
    }
  }

  private void warn(Throwable err) {
    long now = System.currentTimeMillis();
    if (now - lastWarning > 60_000) {
      lastWarning = now;
      LOG.warn("event=redis_unavailable use=counters fallback=local_memory error=\"{}\"", err.getMessage());
    }
  }
}
