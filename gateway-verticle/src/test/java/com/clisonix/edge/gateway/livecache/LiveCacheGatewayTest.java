package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.journal.BridgePublisher;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Helpers of the whole-gateway live-cache tests: an athlete whose strap is paired and whose
 * actor has seen it, heart-rate readings through the gym's broker, and a look into Redis.
 */
abstract class LiveCacheGatewayTest extends ApiTestBase {
  final List<JsonObject> metrics = new CopyOnWriteArrayList<>();
  MessageConsumer<JsonObject> listener;

  void listen(Gateway g) {
    if (listener != null) {
      listener.unregister();
    }
    listener = g.vertx().eventBus().<JsonObject>consumer("floor.metrics", m -> metrics.add(m.body()));
  }

  /** A profile with an open workout, its strap paired and known to the actor (probed with readings older than the cache keeps). */
  String athlete(BridgePublisher bridge, String strap) {
    String id = profile(new JsonObject().put("age", 30).put("gender", "F").put("weight_kg", 65)
        .put("resting_heart_rate", 55));
    assertThat(api.post("/fitness/devices/" + strap + "/pair", adminToken, new JsonObject().put("user_id", id)).status())
        .isEqualTo(200);
    long[] probe = {System.currentTimeMillis() - 900_000};
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
      heartRate(bridge, strap, 90, probe[0] += 1000);
      return metrics.stream().anyMatch(m -> id.equals(m.getString("user_id")));
    });
    startWorkout(id);
    return id;
  }

  void heartRate(BridgePublisher bridge, String strap, int bpm, long ts) throws Exception {
    // GATT 0x2A37: flags 0x06 (sensor contact supported and detected, 8-bit value), then the rate
    byte[] envelope = new JsonObject().put("hex", String.format("06%02X", bpm)).put("ts", ts).encode()
        .getBytes(StandardCharsets.UTF_8);
    bridge.publishAndWait(mqtt.topicRoot() + "/ble/bridge1/" + strap + "/2a37/json", envelope, 1);
  }

  static JsonObject status(Gateway g) throws Exception {
    return g.vertx().eventBus().<JsonObject>request(LiveCacheVerticle.STATUS_ADDRESS, null)
        .await(5, TimeUnit.SECONDS).body();
  }

  static JsonObject cachedLatest(Gateway g, String user) throws Exception {
    return g.vertx().eventBus().<JsonObject>request(LiveCacheVerticle.LATEST_ADDRESS,
        new JsonObject().put("user_id", user)).await(5, TimeUnit.SECONDS).body();
  }

  static JsonArray cachedReadings(Gateway g, String user) throws Exception {
    return g.vertx().eventBus().<JsonArray>request(LiveCacheVerticle.READINGS_ADDRESS,
        new JsonObject().put("user_id", user)).await(5, TimeUnit.SECONDS).body();
  }

  static JsonObject onFloor(ApiClient client, String token, String user) {
    ApiClient.Res floor = client.get("/fitness/floor", token);
    assertThat(floor.status()).as(floor.toString()).isEqualTo(200);
    return floor.json().getJsonArray("athletes").stream().map(o -> (JsonObject) o)
        .filter(o -> user.equals(o.getString("user_id"))).findFirst().orElse(null);
  }

  /** A direct Redis client for looking at what the gateway wrote. */
  static final class Peek implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Redis redis;
    final String prefix;

    Peek(String uri, String prefix) {
      this.redis = Redis.createClient(vertx, uri);
      this.prefix = prefix;
    }

    Response send(Request r) throws Exception {
      return redis.send(r).await(5, TimeUnit.SECONDS);
    }

    /**
     * The athlete's latest metrics as the gateway keeps them in Redis: encrypted at rest (the raw
     * bytes hold no JSON), opened here with the test configuration's key.
     */
    JsonObject metrics(String user) throws Exception {
      String key = prefix + "live:metrics:" + user;
      Response r = send(Request.cmd(Command.GET).arg(key));
      if (r == null) {
        return null;
      }
      byte[] raw = r.toBytes();
      org.assertj.core.api.Assertions.assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1))
          .as("no plaintext metrics in Redis").doesNotContain("heart_rate").doesNotContain(user);
      return new JsonObject(io.vertx.core.buffer.Buffer.buffer(new EncryptedCacheValueCodec(
          com.clisonix.edge.gateway.GatewayTestConfig.crypto().cipher()).decode(key, raw)));
    }

    boolean reachable() {
      try {
        send(Request.cmd(Command.PING));
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    long ttl(String key) throws Exception {
      return send(Request.cmd(Command.TTL).arg(prefix + key)).toLong();
    }

    long readings(String user) throws Exception {
      return send(Request.cmd(Command.ZCARD).arg(prefix + "live:readings:" + user)).toLong();
    }

    @Override
    public void close() throws Exception {
      redis.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
