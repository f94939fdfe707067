package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * This box's own copy of the live cache: what it saw in the last five minutes, kept so the floor
 * and the athletes' live views still have it while Redis is down. Owned by one verticle and
 * touched on its event loop only, so nothing is locked. Readings are kept as the immutable
 * records ingestion publishes (no copy per reading); each athlete keeps at most
 * {@code maxReadingsPerAthlete}, the oldest going first.
 */
public final class MemoryLiveCache implements LiveCache {
  private final LongSupplier clock;
  private final int maxReadingsPerAthlete;
  private final Map<UUID, Stamped> metrics = new HashMap<>();
  private final Map<UUID, ArrayDeque<Reading>> readings = new HashMap<>();

  /** A metrics object and when this box received it. */
  private record Stamped(JsonObject metrics, long at) {}

  public MemoryLiveCache(LongSupplier clock, int maxReadingsPerAthlete) {
    this.clock = clock;
    this.maxReadingsPerAthlete = maxReadingsPerAthlete;
  }

  @Override
  public Future<Void> write(LiveBatch batch) {
    batch.metrics().forEach(this::putMetrics);
    batch.readings().forEach(this::addReading);
    return Future.succeededFuture();
  }

  public void putMetrics(UUID userId, JsonObject m) {
    metrics.put(userId, new Stamped(m, clock.getAsLong()));
  }

  public void addReading(Reading r) {
    long cutoff = clock.getAsLong() - WINDOW_MS;
    if (r.measuredAt() < cutoff) {
      return; // a replayed reading older than the window is not part of the floor's recent past
    }
    ArrayDeque<Reading> q = readings.computeIfAbsent(r.userId(), k -> new ArrayDeque<>());
    q.addLast(r);
    while (q.size() > maxReadingsPerAthlete) {
      q.pollFirst();
    }
  }

  @Override
  public Future<Optional<JsonObject>> latest(UUID userId) {
    Stamped s = metrics.get(userId);
    return Future.succeededFuture(s == null || s.at() < clock.getAsLong() - WINDOW_MS
        ? Optional.empty() : Optional.of(s.metrics()));
  }

  @Override
  public Future<JsonArray> latestAll() {
    long cutoff = clock.getAsLong() - WINDOW_MS;
    JsonArray out = new JsonArray();
    metrics.values().forEach(s -> {
      if (s.at() >= cutoff) {
        out.add(s.metrics());
      }
    });
    return Future.succeededFuture(out);
  }

  @Override
  public Future<JsonArray> readings(UUID userId) {
    long cutoff = clock.getAsLong() - WINDOW_MS;
    JsonArray out = new JsonArray();
    ArrayDeque<Reading> q = readings.get(userId);
    if (q != null) {
      // arrival order; a replayed reading may be older than one before it, so sort by time as Redis does
      q.stream().filter(r -> r.measuredAt() >= cutoff)
          .sorted(java.util.Comparator.comparingLong(Reading::measuredAt))
          .forEach(r -> out.add(LiveCacheJson.reading(r)));
    }
    return Future.succeededFuture(out);
  }

  /** Forgets everything older than the window; called now and then so idle athletes do not stay. */
  public void evictExpired() {
    long cutoff = clock.getAsLong() - WINDOW_MS;
    metrics.values().removeIf(s -> s.at() < cutoff);
    for (Iterator<ArrayDeque<Reading>> it = readings.values().iterator(); it.hasNext(); ) {
      ArrayDeque<Reading> q = it.next();
      q.removeIf(r -> r.measuredAt() < cutoff);
      if (q.isEmpty()) {
        it.remove();
      }
    }
  }

  /** Athletes with something kept (for the status and tests). */
  public int athletes() {
    java.util.Set<UUID> ids = new java.util.HashSet<>(metrics.keySet());
    ids.addAll(readings.keySet());
    return ids.size();
  }
}
