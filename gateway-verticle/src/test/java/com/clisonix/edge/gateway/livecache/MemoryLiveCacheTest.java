package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** This box's memory copy of the live cache: the five-minute window of the spec's cache policy, on a clock the test moves. */
class MemoryLiveCacheTest {
  static final long T0 = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
  final AtomicLong now = new AtomicLong(T0);
  final UUID anna = UUID.randomUUID();
  final UUID bert = UUID.randomUUID();

  static Reading hr(UUID user, double bpm, long at) {
    return new Reading(user, ReadingType.HEART_RATE, bpm, "bpm", at, "A1B2C3D4E5F6", "chest_strap", "ble", null);
  }

  static JsonObject metrics(UUID user, long ts, double calories) {
    return new JsonObject().put("user_id", user.toString()).put("ts", Instant.ofEpochMilli(ts).toString())
        .put("calories", calories);
  }

  @Test
  void latestMetricsLastFiveMinutesFromWhenTheyArrived() {
    MemoryLiveCache cache = new MemoryLiveCache(now::get, 100);
    cache.write(new LiveBatch(Map.of(anna, metrics(anna, T0, 12.5)), List.of()));
    now.set(T0 + LiveCache.WINDOW_MS);
    assertThat(cache.latest(anna).result()).as("exactly 5 min old: still kept").isPresent();
    assertThat(cache.latestAll().result()).hasSize(1);
    now.set(T0 + LiveCache.WINDOW_MS + 1);
    assertThat(cache.latest(anna).result()).as("older than 5 min").isEmpty();
    assertThat(cache.latestAll().result()).isEmpty();
  }

  @Test
  void readingsOlderThanTheWindowAreTrimmedAndTheRestComeOldestFirst() {
    MemoryLiveCache cache = new MemoryLiveCache(now::get, 100);
    cache.addReading(hr(anna, 120, T0 - 10_000));
    cache.addReading(hr(anna, 110, T0 - 20_000)); // a bridge's replay arrives after a newer reading
    cache.addReading(hr(anna, 90, T0 - LiveCache.WINDOW_MS - 1)); // already too old: never kept
    cache.addReading(hr(bert, 70, T0));
    JsonArray annas = cache.readings(anna).result();
    assertThat(annas.stream().map(o -> ((JsonObject) o).getDouble("value"))).containsExactly(110.0, 120.0);
    assertThat(annas.getJsonObject(0).getString("ts")).isEqualTo(Instant.ofEpochMilli(T0 - 20_000).toString());
    assertThat(annas.getJsonObject(0).getString("type")).isEqualTo("heart_rate");

    now.set(T0 + LiveCache.WINDOW_MS - 15_000); // the 110 reading is now 5 min 5 s old
    assertThat(cache.readings(anna).result().stream().map(o -> ((JsonObject) o).getDouble("value"))).containsExactly(120.0);
    now.set(T0 + LiveCache.WINDOW_MS + 1);
    cache.evictExpired();
    assertThat(cache.readings(anna).result()).isEmpty();
    assertThat(cache.readings(bert).result()).isEmpty();
    assertThat(cache.athletes()).as("nothing left to keep").isZero();
  }

  @Test
  void anAthleteKeepsAtMostItsLimitTheOldestGoingFirst() {
    MemoryLiveCache cache = new MemoryLiveCache(now::get, 3);
    for (int i = 0; i < 5; i++) {
      cache.addReading(hr(anna, 100 + i, T0 - 5000 + i * 1000));
    }
    assertThat(cache.readings(anna).result().stream().map(o -> ((JsonObject) o).getDouble("value")))
        .containsExactly(102.0, 103.0, 104.0);
  }

  @Test
  void theNewerOfTwoMetricsObjectsWinsByItsTime() {
    JsonObject older = metrics(anna, T0, 1);
    JsonObject newer = metrics(anna, T0 + 1000, 2);
    assertThat(LiveCacheVerticle.newer(older, newer)).isSameAs(newer);
    assertThat(LiveCacheVerticle.newer(newer, older)).isSameAs(newer);
    assertThat(LiveCacheVerticle.newer(null, older)).isSameAs(older);
    assertThat(LiveCacheVerticle.newer(older, null)).isSameAs(older);
  }

  @Test
  void twoListsOfReadingsMergeOnceEachOldestFirst() {
    JsonObject a = LiveCacheJson.reading(hr(anna, 100, T0 - 3000));
    JsonObject b = LiveCacheJson.reading(hr(anna, 101, T0 - 2000));
    JsonObject c = LiveCacheJson.reading(hr(anna, 102, T0 - 1000));
    JsonArray merged = LiveCacheVerticle.union(new JsonArray().add(a).add(c), new JsonArray().add(c.copy()).add(b));
    assertThat(merged.stream().map(o -> ((JsonObject) o).getDouble("value"))).containsExactly(100.0, 101.0, 102.0);
  }
}
