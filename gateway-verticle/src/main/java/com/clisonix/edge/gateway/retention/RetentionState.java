package com.clisonix.edge.gateway.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * What the retention verticle last measured and decided, shared in this process: the journal and
 * the HTTP route read whether new readings must be refused without a round trip to the database.
 */
public final class RetentionState {
  static final String MAP = "clisonix.retention";
  static final String STATE = "state";
  static final String REFUSAL = "refusal";

  private RetentionState() {}

  private static LocalMap<String, Object> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }

  /** Why new readings are refused now, naming the limit; null while they are accepted. */
  public static String refusal(Vertx vertx) {
    return (String) map(vertx).get(REFUSAL);
  }

  /** The latest measurement for {@code GET /fitness/replication}; null before the first one. */
  public static JsonObject snapshot(Vertx vertx) {
    JsonObject s = (JsonObject) map(vertx).get(STATE);
    return s == null ? null : s.copy();
  }

  static void publish(Vertx vertx, JsonObject state, String refusal) {
    map(vertx).put(STATE, state.copy());
    if (refusal == null) {
      map(vertx).remove(REFUSAL);
    } else {
      map(vertx).put(REFUSAL, refusal);
    }
  }

  static void clear(Vertx vertx) {
    map(vertx).remove(STATE);
    map(vertx).remove(REFUSAL);
  }

  /** Counts readings refused at the limit; {@code path} is mqtt or http. A redelivery counts again. */
  public static void rejected(String path, long readings) {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    if (r != null && readings > 0) {
      Counter.builder("clisonix.retention.rejected.readings").description("Readings refused at the retention limit")
          .tag("path", path).register(r).increment(readings);
    }
  }
}
