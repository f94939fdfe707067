package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live cache in Redis, shared by the gym's boxes and still there after a gateway restarts.
 * Keys (all under the gateway's key prefix):
 * <ul>
 *   <li>{@code live:metrics:<user id>}: the athlete's latest {@code AthleteMetrics}, a string set
 *       with a 300 s expiry each time it is written;</li>
 *   <li>{@code live:readings:<user id>}: a sorted set of the athlete's readings scored by their
 *       time (epoch ms); every write also removes members older than five minutes and renews the
 *       300 s expiry;</li>
 *   <li>{@code live:athletes}: a sorted set of the athletes written, scored by the time of the
 *       write, trimmed and expiring the same way, so the floor is read without scanning keys.</li>
 * </ul>
 * A batch is one pipelined round trip. Values pass through the {@link CacheValueCodec}.
 */
public final class RedisLiveCache implements LiveCache {
  private final Redis redis;
  private final String prefix;
  private final CacheValueCodec codec;
  private final LongSupplier clock;
  private final long timeoutMs;

  public RedisLiveCache(Redis redis, String prefix, CacheValueCodec codec, LongSupplier clock, long timeoutMs) {
    this.redis = redis;
    this.prefix = prefix;
    this.codec = codec;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
  }

  public String metricsKey(UUID userId) {
    return prefix + "live:metrics:" + userId;
  }

  public String readingsKey(UUID userId) {
    return prefix + "live:readings:" + userId;
  }

  public String athletesKey() {
    return prefix + "live:athletes";
  }

  @Override
  public Future<Void> write(LiveBatch batch) {
    List<Request> requests = commands(batch);
    if (requests.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.batch(requests).timeout(timeoutMs, TimeUnit.MILLISECONDS).mapEmpty();
  }

  /** The batch's commands, in the order they are pipelined. */
  List<Request> commands(LiveBatch batch) {
    long now = clock.getAsLong();
    String cutoff = "(" + (now - WINDOW_MS);
    List<Request> out = new ArrayList<>();
    Set<UUID> touched = new LinkedHashSet<>();
    batch.metrics().forEach((user, m) -> {
      String key = metricsKey(user);
      out.add(Request.cmd(Command.SET).arg(key).arg(codec.encode(key, m.toBuffer().getBytes()))
          .arg("EX").arg(TTL_SECONDS));
      touched.add(user);
    });
    Map<UUID, List<Reading>> byUser = new LinkedHashMap<>();
    for (Reading r : batch.readings()) {
      if (r.measuredAt() >= now - WINDOW_MS) {
        byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r);
      }
    }
    byUser.forEach((user, rs) -> {
      String key = readingsKey(user);
      Request zadd = Request.cmd(Command.ZADD).arg(key);
      for (Reading r : rs) {
        zadd.arg(r.measuredAt()).arg(codec.encode(key, LiveCacheJson.reading(r).toBuffer().getBytes()));
      }
      out.add(zadd);
      out.add(Request.cmd(Command.ZREMRANGEBYSCORE).arg(key).arg("-inf").arg(cutoff));
      out.add(Request.cmd(Command.EXPIRE).arg(key).arg(TTL_SECONDS));
      touched.add(user);
    });
    if (!touched.isEmpty()) {
      Request index = Request.cmd(Command.ZADD).arg(athletesKey());
      touched.forEach(user -> index.arg(now).arg(user.toString()));
      out.add(index);
      out.add(Request.cmd(Command.ZREMRANGEBYSCORE).arg(athletesKey()).arg("-inf").arg(cutoff));
      out.add(Request.cmd(Command.EXPIRE).arg(athletesKey()).arg(TTL_SECONDS));
    }
    return out;
  }

  @Override
  public Future<Optional<JsonObject>> latest(UUID userId) {
    String key = metricsKey(userId);
    return redis.send(Request.cmd(Command.GET).arg(key)).timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(r -> r == null ? Optional.<JsonObject>empty() : Optional.of(decodeObject(key, r)));
  }

  @Override
  public Future<JsonArray> latestAll() {
    long now = clock.getAsLong();
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(athletesKey()).arg("(" + (now - WINDOW_MS)).arg("+inf"))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .compose(ids -> {
          if (ids == null || ids.size() == 0) {
            return Future.succeededFuture(new JsonArray());
          }
          List<String> keys = new ArrayList<>();
          Request mget = Request.cmd(Command.MGET);
          for (Response id : ids) {
            String key = metricsKey(UUID.fromString(id.toString()));
            keys.add(key);
            mget.arg(key);
          }
          return redis.send(mget).timeout(timeoutMs, TimeUnit.MILLISECONDS).map(values -> {
            JsonArray out = new JsonArray();
            for (int i = 0; i < keys.size(); i++) {
              Response v = values.get(i);
              if (v != null) {
                out.add(decodeObject(keys.get(i), v));
              }
            }
            return out;
          });
        });
  }

  @Override
  public Future<JsonArray> readings(UUID userId) {
    String key = readingsKey(userId);
    long now = clock.getAsLong();
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(key).arg(now - WINDOW_MS).arg("+inf"))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(members -> {
          JsonArray out = new JsonArray();
          if (members != null) {
            for (Response m : members) {
              out.add(decodeObject(key, m));
            }
          }
          return out;
        });
  }

  private JsonObject decodeObject(String key, Response r) {
    return new JsonObject(Buffer.buffer(codec.decode(key, r.toBytes())));
  }
}
