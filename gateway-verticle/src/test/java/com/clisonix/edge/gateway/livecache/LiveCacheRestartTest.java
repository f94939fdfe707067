package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.journal.BridgePublisher;
import io.vertx.core.json.JsonObject;
import com.clisonix.edge.gateway.live.LiveFeed;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway writes the floor to Redis as it happens; a new gateway (a new Vert.x, as after a
 * restart) on the same Redis and store shows that floor at once, before its actors have seen a
 * single new reading: in the floor snapshot, the athlete's live view and a new dashboard
 * socket's first frames.
 */
class LiveCacheRestartTest extends LiveCacheGatewayTest {

  @Test
  void aRestartedGatewayShowsTheFloorFromRedisAtOnce() throws Exception {
    listen(gw);
    String strap = "C0FFEE000001";
    String user;
    JsonObject before;
    try (BridgePublisher bridge = new BridgePublisher(gw.vertx(), mqtt, "bridge1");
        Peek peek = new Peek(redis.uri(), redis.keyPrefix())) {
      user = athlete(bridge, strap);
      long t = System.currentTimeMillis() - 6000;
      for (int i = 0; i < 6; i++) {
        heartRate(bridge, strap, 150 + i, t + i * 1000L);
      }
      // the last reading's metrics, with the session figures only the actor knows, reach Redis
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        JsonObject m = peek.metrics(user);
        return m != null && Integer.valueOf(155).equals(m.getInteger("heart_rate")) && m.getDouble("calories") != null;
      });
      before = peek.metrics(user);
      assertThat(before.getDouble("calories")).isPositive();
      assertThat(before.getValue("effort_points")).isNotNull();
      assertThat(peek.ttl("live:metrics:" + user)).isBetween(1L, 300L);
      assertThat(peek.ttl("live:readings:" + user)).isBetween(1L, 300L);
      await().atMost(Duration.ofSeconds(5)).until(() -> peek.readings(user) >= 6);
    }

    stopGateway(gw);
    Gateway next = startGateway(configure(baseTree()));
    ApiClient client = next.api();
    String coach = login(client, "admin", com.clisonix.edge.gateway.GatewayTestConfig.ADMIN_PASSWORD);

    // at once: no waiting, no new reading
    JsonObject floor = onFloor(client, coach, user);
    assertThat(floor).as("the athlete is on the new gateway's floor").isNotNull();
    assertThat(floor.getInteger("heart_rate")).isEqualTo(155);
    assertThat(floor.getDouble("calories")).as("the session's calories, which the store alone does not have")
        .isEqualTo(before.getDouble("calories"));
    assertThat(floor.getValue("effort_points")).isEqualTo(before.getValue("effort_points"));
    ApiClient.Res live = client.get("/fitness/users/" + user + "/live", coach);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json()).isEqualTo(before);
    // a dashboard that connects now gets the athlete's tile in its first frames
    WebSocketClient wsClient = next.vertx().createWebSocketClient();
    try {
      List<JsonObject> frames = new CopyOnWriteArrayList<>();
      WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(next.app().httpPort())
          .setURI(LiveFeed.PATH)).await(10, TimeUnit.SECONDS);
      ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
      ws.writeTextMessage(new JsonObject().put("token", coach).encode()).await(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(3)).until(() -> frames.stream().anyMatch(f -> "metrics".equals(f.getString("type"))
          && user.equals(f.getJsonObject("data").getString("user_id"))));
      JsonObject first = frames.stream().filter(f -> user.equals(f.getJsonObject("data").getString("user_id")))
          .findFirst().orElseThrow().getJsonObject("data");
      assertThat(first).isEqualTo(before);
      ws.close().await(5, TimeUnit.SECONDS);
    } finally {
      wsClient.close().await(5, TimeUnit.SECONDS);
    }

    // the readings of the last five minutes are there too
    assertThat(cachedReadings(next, user).stream().map(o -> ((JsonObject) o).getDouble("value")))
        .containsSubsequence(150.0, 151.0, 152.0, 153.0, 154.0, 155.0);
  }
}
