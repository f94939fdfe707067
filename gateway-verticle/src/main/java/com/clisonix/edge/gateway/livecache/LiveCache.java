package com.clisonix.edge.gateway.livecache;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * The floor's recent past: the latest {@code AthleteMetrics} of each athlete and their readings
 * of the last five minutes (the spec's cache policy). Everything older than {@link #WINDOW_MS}
 * is gone from every answer. Two implementations: {@link RedisLiveCache}, shared by the gym's
 * boxes and surviving a restart, and {@link MemoryLiveCache}, this box's own copy that answers
 * while Redis does not.
 */
public interface LiveCache {
  /** Five minutes: how long a metrics object or a reading stays. */
  long WINDOW_MS = 300_000;
  /** The same in whole seconds, for Redis expiries. */
  long TTL_SECONDS = WINDOW_MS / 1000;

  Future<Void> write(LiveBatch batch);

  /** The athlete's latest metrics, if any are younger than the window. */
  Future<Optional<JsonObject>> latest(UUID userId);

  /** Every athlete's latest metrics younger than the window. */
  Future<JsonArray> latestAll();

  /**
   * The athlete's readings of the window, oldest first, each
   * {@code {"type","value","unit","ts","device_id","device_type","source"}} ({@code ts} ISO-8601).
   */
  Future<JsonArray> readings(UUID userId);
}
