package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live cache in a real Redis: what lands under which key with which expiry (at most 300 s,
 * the spec's 5-minute policy), the trimming of readings older than five minutes, and the codec
 * seam every value passes through.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLiveCacheTest {
  Vertx vertx;
  Redis redis;
  String prefix;
  final AtomicLong now = new AtomicLong(System.currentTimeMillis());

  @BeforeAll
  void start(RedisService service) {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, service.uri());
    prefix = service.keyPrefix();
  }

  @AfterAll
  void stop() throws Exception {
    redis.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  RedisLiveCache cache(CacheValueCodec codec) {
    return new RedisLiveCache(redis, prefix, codec, now::get, 2000);
  }

  Response send(Request r) throws Exception {
    return redis.send(r).await(5, TimeUnit.SECONDS);
  }

  static Reading hr(UUID user, double bpm, long at) {
    return new Reading(user, ReadingType.HEART_RATE, bpm, "bpm", at, "A1B2C3D4E5F6", "chest_strap", "ble", null);
  }

  static JsonObject metrics(UUID user, long ts, double calories) {
    return new JsonObject().put("user_id", user.toString()).put("ts", Instant.ofEpochMilli(ts).toString())
        .put("heart_rate", 140).put("calories", calories);
  }

  @Test
  void metricsAndReadingsLandWithExpiriesOfAtMostFiveMinutes() throws Exception {
    RedisLiveCache cache = cache(new PlaintextCacheValueCodec());
    UUID anna = UUID.randomUUID();
    long t = now.get();
    JsonObject m = metrics(anna, t, 42.5);
    cache.write(new LiveBatch(Map.of(anna, m), List.of(hr(anna, 139, t - 2000), hr(anna, 140, t - 1000))))
        .await(5, TimeUnit.SECONDS);

    for (String key : List.of(cache.metricsKey(anna), cache.readingsKey(anna), cache.athletesKey())) {
      long ttl = send(Request.cmd(Command.TTL).arg(key)).toLong();
      assertThat(ttl).as("TTL of %s", key).isBetween(1L, 300L);
    }
    assertThat(new JsonObject(send(Request.cmd(Command.GET).arg(cache.metricsKey(anna))).toString())).isEqualTo(m);
    assertThat(send(Request.cmd(Command.ZCARD).arg(cache.readingsKey(anna))).toLong()).isEqualTo(2);
    assertThat(cache.latest(anna).await(5, TimeUnit.SECONDS)).contains(m);
    assertThat(cache.latestAll().await(5, TimeUnit.SECONDS).stream()
        .anyMatch(o -> anna.toString().equals(((JsonObject) o).getString("user_id")))).isTrue();
    JsonArray rs = cache.readings(anna).await(5, TimeUnit.SECONDS);
    assertThat(rs.stream().map(o -> ((JsonObject) o).getDouble("value"))).containsExactly(139.0, 140.0);
    assertThat(rs.getJsonObject(1)).isEqualTo(new JsonObject().put("type", "heart_rate").put("value", 140.0)
        .put("unit", "bpm").put("ts", Instant.ofEpochMilli(t - 1000).toString()).put("device_id", "A1B2C3D4E5F6")
        .put("device_type", "chest_strap").put("source", "ble"));
  }

  @Test
  void readingsOlderThanFiveMinutesAreTrimmedOnTheNextWrite() throws Exception {
    RedisLiveCache cache = cache(new PlaintextCacheValueCodec());
    UUID bert = UUID.randomUUID();
    long t = System.currentTimeMillis();
    now.set(t);
    cache.write(new LiveBatch(Map.of(), List.of(hr(bert, 100, t - 60_000), hr(bert, 101, t - 10_000),
        hr(bert, 99, t - LiveCache.WINDOW_MS - 5000)))).await(5, TimeUnit.SECONDS);
    assertThat(send(Request.cmd(Command.ZCARD).arg(cache.readingsKey(bert))).toLong())
        .as("a replayed reading already older than the window is not written").isEqualTo(2);

    // four and a half minutes later the first reading is 5.5 min old, the second 4 min 40 s
    now.set(t + 270_000);
    cache.write(new LiveBatch(Map.of(), List.of(hr(bert, 120, t + 269_000)))).await(5, TimeUnit.SECONDS);
    List<Double> kept = new ArrayList<>();
    for (Response member : send(Request.cmd(Command.ZRANGE).arg(cache.readingsKey(bert)).arg(0).arg(-1))) {
      kept.add(new JsonObject(member.toString()).getDouble("value"));
    }
    assertThat(kept).as("what Redis holds after the write trimmed it").containsExactly(101.0, 120.0);
    assertThat(send(Request.cmd(Command.TTL).arg(cache.readingsKey(bert))).toLong()).isBetween(1L, 300L);

    // reading later without a write: the window alone hides what became older
    now.set(t + LiveCache.WINDOW_MS - 5000);
    assertThat(cache.readings(bert).await(5, TimeUnit.SECONDS).stream().map(o -> ((JsonObject) o).getDouble("value")))
        .containsExactly(120.0);
  }

  /** Stands for the cipher encryption at rest will plug in: not the plaintext, bound to its key. */
  static final class ReversingCodec implements CacheValueCodec {
    @Override
    public byte[] encode(String key, byte[] plain) {
      byte[] out = new byte[plain.length + 1];
      out[0] = (byte) key.hashCode();
      for (int i = 0; i < plain.length; i++) {
        out[i + 1] = plain[plain.length - 1 - i];
      }
      return out;
    }

    @Override
    public byte[] decode(String key, byte[] stored) {
      if (stored.length == 0 || stored[0] != (byte) key.hashCode()) {
        throw new IllegalStateException("value does not belong to " + key);
      }
      byte[] out = new byte[stored.length - 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = stored[stored.length - 1 - i];
      }
      return out;
    }
  }

  @Test
  void everyValuePassesThroughTheCodecAndAFailingDecodeFailsTheRead() throws Exception {
    RedisLiveCache cache = cache(new ReversingCodec());
    UUID cleo = UUID.randomUUID();
    long t = System.currentTimeMillis();
    now.set(t);
    JsonObject m = metrics(cleo, t, 7.0);
    cache.write(new LiveBatch(Map.of(cleo, m), List.of(hr(cleo, 150, t - 1000)))).await(5, TimeUnit.SECONDS);

    byte[] raw = send(Request.cmd(Command.GET).arg(cache.metricsKey(cleo))).toBytes();
    assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("calories").doesNotContain("\"heart_rate\"");
    for (Response member : send(Request.cmd(Command.ZRANGE).arg(cache.readingsKey(cleo)).arg(0).arg(-1))) {
      assertThat(member.toString()).doesNotContain("heart_rate");
    }
    assertThat(cache.latest(cleo).await(5, TimeUnit.SECONDS)).contains(m);
    assertThat(cache.readings(cleo).await(5, TimeUnit.SECONDS).getJsonObject(0).getDouble("value")).isEqualTo(150.0);

    // a value moved under another athlete's key does not decode: the read fails, it returns nothing made up
    UUID dora = UUID.randomUUID();
    send(Request.cmd(Command.SET).arg(cache.metricsKey(dora)).arg(raw).arg("EX").arg(60));
    assertThatThrownBy(() -> cache.latest(dora).await(5, TimeUnit.SECONDS)).hasMessageContaining("does not belong");
  }
}
