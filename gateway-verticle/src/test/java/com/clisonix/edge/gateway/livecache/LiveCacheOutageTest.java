package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.journal.BridgePublisher;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own Redis goes away and comes back: the box stays ready and reports Redis as
 * degraded, ingestion and the floor go on from memory, and once Redis answers again the cache
 * reconnects by itself and its writes resume, including what was buffered meanwhile.
 */
class LiveCacheOutageTest extends LiveCacheGatewayTest {
  OwnRedis own;

  @Override
  protected JsonObject configure(JsonObject tree) {
    try {
      own = new OwnRedis();
      own.start();
    } catch (Exception e) {
      throw new AssertionError("could not start the test's own redis-server (embedded-redis): " + e, e);
    }
    tree.getJsonObject("redis").put("uri", own.uri());
    // a short backoff ceiling so the test sees the reconnect within seconds
    return tree.put("live_cache", new JsonObject().put("max_backoff_ms", 1000));
  }

  @AfterAll
  void stopOwnRedis() throws Exception {
    if (own != null) {
      own.close();
    }
  }

  @Test
  void redisDownDegradesTheBoxOnlyAndTheCacheCatchesUpWhenItIsBack() throws Exception {
    listen(gw);
    String strap = "C0FFEE000002";
    try (BridgePublisher bridge = new BridgePublisher(gw.vertx(), mqtt, "bridge1");
        Peek peek = new Peek(own.uri(), redis.keyPrefix())) {
      String user = athlete(bridge, strap);
      heartRate(bridge, strap, 130, System.currentTimeMillis() - 3000);
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        JsonObject m = peek.metrics(user);
        return m != null && Integer.valueOf(130).equals(m.getInteger("heart_rate"));
      });
      assertThat(status(gw).getString("redis")).isEqualTo("up");

      own.stop();

      // ready stays 200; the module's health names Redis degraded
      for (int i = 0; i < 3; i++) {
        ApiClient.Res ready = api.get("/health/ready", null);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
      }
      ApiClient.Res health = api.get("/fitness/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().getJsonObject("dependencies").getString("redis")).isEqualTo("degraded");
      assertThat(health.json().getString("status")).isEqualTo("degraded");

      // ingestion goes on: stored, analysed, on the floor, and in the cache's memory copy
      long outageStart = System.currentTimeMillis();
      heartRate(bridge, strap, 150, outageStart - 1000);
      heartRate(bridge, strap, 151, outageStart);
      await().atMost(Duration.ofSeconds(10)).until(() -> storedHeartRates(user).contains(151.0));
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        JsonObject m = onFloor(api, adminToken, user);
        return m != null && Integer.valueOf(151).equals(m.getInteger("heart_rate"));
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> status(gw).getString("redis").equals("degraded"));
      // the actor's next emission (at most a second later) reaches the cache's memory copy
      await().atMost(Duration.ofSeconds(5)).until(() -> Integer.valueOf(151).equals(cachedLatest(gw, user).getInteger("heart_rate")));
      assertThat(peek.reachable()).as("Redis really is down").isFalse();
      assertThat(cachedReadings(gw, user).stream().map(o -> ((JsonObject) o).getDouble("value")))
          .contains(150.0, 151.0);
      assertThat(status(gw).getLong("pending_readings")).as("buffered for Redis").isPositive();
      ApiClient.Res live = api.get("/fitness/users/" + user + "/live", adminToken);
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.json().getInteger("heart_rate")).isEqualTo(151);

      own.start(); // back, empty

      heartRate(bridge, strap, 160, System.currentTimeMillis());
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        JsonObject m = peek.metrics(user);
        return m != null && Integer.valueOf(160).equals(m.getInteger("heart_rate"));
      });
      assertThat(status(gw).getString("redis")).isEqualTo("up");
      // what was buffered during the outage was written too
      assertThat(peek.readings(user)).as("readings 150, 151 and 160 in the restarted Redis").isGreaterThanOrEqualTo(3);
      assertThat(peek.ttl("live:readings:" + user)).isBetween(1L, 300L);
      await().atMost(Duration.ofSeconds(10)).until(() ->
          "up".equals(api.get("/fitness/health", null).json().getJsonObject("dependencies").getString("redis")));
      String scrape = api.get("/metrics", null).body().toString();
      assertThat(scrape).contains("clisonix_livecache_failures_total", "clisonix_livecache_dropped_total",
          "clisonix_livecache_pending", "clisonix_livecache_batches_total");
    }
  }

  /** The athlete's stored heart rates, opened with the test key (values are encrypted at rest). */
  private java.util.List<Double> storedHeartRates(String user) throws Exception {
    java.util.List<Double> out = new java.util.ArrayList<>();
    db.preparedQuery("SELECT value FROM biometric_data WHERE user_id = $1::uuid AND biometric_type = 'heart_rate'")
        .execute(io.vertx.sqlclient.Tuple.of(user)).await(10, java.util.concurrent.TimeUnit.SECONDS)
        .forEach(r -> out.add(com.clisonix.edge.gateway.GatewayTestConfig.crypto().cipher().decryptDouble(
            com.clisonix.edge.gateway.crypto.EncryptedColumn.READING_VALUE, r.getBuffer("value").getBytes())));
    return out;
  }
}
