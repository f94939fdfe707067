package com.clisonix.edge.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's WebSocket inside a whole gateway: the token in the first frame, role filtering,
 * latency from the event bus to the client, and a paused client that neither holds up the others
 * nor grows without bound.
 */
class LiveFeedTest extends ApiTestBase {
  /** One connected test client and everything it received. */
  static final class Sock {
    final WebSocket ws;
    final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    volatile Short closeCode;

    Sock(WebSocket ws) {
      this.ws = ws;
      ws.textMessageHandler(t -> {
        arrivals.add(System.nanoTime());
        frames.add(new JsonObject(t));
      });
      ws.closeHandler(v -> closeCode = ws.closeStatusCode());
    }

    List<JsonObject> ofType(String type) {
      return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    List<String> metricsUsers() {
      return ofType("metrics").stream().map(f -> f.getJsonObject("data").getString("user_id")).toList();
    }
  }

  WebSocketClient client;
  WebSocketClient slowClient;
  Account coach;
  Account athlete;
  Account device;

  @BeforeAll
  void clients() {
    client = gw.vertx().createWebSocketClient();
    // a tiny receive window, so a paused client backs up the gateway's socket after little data
    slowClient = gw.vertx().createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096));
    coach = account("coach");
    athlete = account("athlete");
    device = account("device");
  }

  @AfterAll
  void closeClients() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    slowClient.close().await(10, TimeUnit.SECONDS);
  }

  Sock connect(WebSocketClient c, String token) throws Exception {
    WebSocket ws = c.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gw.app().httpPort())
        .setURI(LiveFeed.PATH)).await(10, TimeUnit.SECONDS);
    Sock s = new Sock(ws);
    if (token != null) {
      ws.writeTextMessage(new JsonObject().put("token", token).encode()).await(5, TimeUnit.SECONDS);
    }
    return s;
  }

  /** Connects and waits until the gateway forwards to this client (a probe message reaches it). */
  Sock ready(WebSocketClient c, String token, String probeUser) throws Exception {
    Sock s = connect(c, token);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
      gw.vertx().eventBus().publish(LiveFeed.METRICS_ADDRESS, metrics(probeUser, 0).put("probe", true));
      return s.frames.stream().anyMatch(f -> f.getJsonObject("data").getBoolean("probe", false));
    });
    return s;
  }

  static JsonObject metrics(String userId, int hr) {
    return new JsonObject().put("user_id", userId).put("username", "u").put("ts", System.currentTimeMillis())
        .put("heart_rate", hr).put("zone", 3).put("alerts", new JsonArray());
  }

  void close(Sock... socks) throws Exception {
    for (Sock s : socks) {
      if (s.closeCode == null) {
        s.ws.resume();
        s.ws.close().await(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aBadTokenClosesWith4401() throws Exception {
    Sock garbage = connect(client, "not-a-token");
    Sock revoked = connect(client, null);
    String spent = login(api, coach.username(), coach.password());
    assertThat(api.post("/fitness/auth/logout", spent, null).status()).isEqualTo(200);
    revoked.ws.writeTextMessage(new JsonObject().put("token", spent).encode());
    Sock notJson = connect(client, null);
    notJson.ws.writeTextMessage("hello");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(garbage.closeCode).isEqualTo((short) 4401);
      assertThat(revoked.closeCode).isEqualTo((short) 4401);
      assertThat(notJson.closeCode).isEqualTo((short) 4401);
    });
    Sock dev = connect(client, device.token());
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dev.closeCode).isEqualTo((short) 4403));
    assertThat(garbage.frames).isEmpty();
    assertThat(dev.frames).isEmpty();
  }

  @Test
  void aPlainGetIsRefusedWithTheErrorShape() {
    Res res = api.get(LiveFeed.PATH, null);
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.error().getString("code")).isEqualTo("websocket_required");
  }

  @Test
  void anAthleteSeesOnlyTheirOwnAndACoachSeesEverything() throws Exception {
    String other = UUID.randomUUID().toString();
    Sock mine = ready(client, athlete.token(), athlete.id());
    Sock staff = ready(client, coach.token(), athlete.id());
    Sock admin = ready(client, adminToken, athlete.id());
    int before = mine.frames.size();
    var bus = gw.vertx().eventBus();
    bus.publish(LiveFeed.METRICS_ADDRESS, metrics(other, 150));
    bus.publish(LiveFeed.EVENTS_ADDRESS, new JsonObject().put("kind", "rep").put("user_id", other).put("ts", 1L));
    bus.publish(LiveFeed.METRICS_ADDRESS, metrics(athlete.id(), 140));
    bus.publish(LiveFeed.EVENTS_ADDRESS, new JsonObject().put("kind", "rep").put("user_id", athlete.id()).put("ts", 2L));
    bus.publish(LiveFeed.TEMPO_ADDRESS, new JsonObject().put("bpm", 128.0).put("mode", "intensity"));
    await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
      assertThat(staff.metricsUsers()).contains(other, athlete.id());
      assertThat(staff.ofType("event")).extracting(f -> f.getJsonObject("data").getString("user_id"))
          .contains(other, athlete.id());
      assertThat(staff.ofType("tempo")).isNotEmpty();
      assertThat(admin.metricsUsers()).contains(other);
      assertThat(mine.ofType("tempo")).isNotEmpty();
    });
    // the other clients' readiness probes are about this athlete too: they are not what is counted here
    List<JsonObject> seen = mine.frames.subList(before, mine.frames.size()).stream()
        .filter(f -> !f.getJsonObject("data").getBoolean("probe", false)).toList();
    // the box's own music publishes its tempo every bar too: count the frames this test caused
    assertThat(seen).filteredOn(f -> !"tempo".equals(f.getString("type"))).extracting(f -> f.getString("type"))
        .containsExactlyInAnyOrder("metrics", "event");
    assertThat(seen).filteredOn(f -> "tempo".equals(f.getString("type")))
        .anySatisfy(f -> assertThat(f.getJsonObject("data").getDouble("bpm")).isEqualTo(128.0));
    assertThat(seen).filteredOn(f -> !"tempo".equals(f.getString("type")))
        .allSatisfy(f -> assertThat(f.getJsonObject("data").getString("user_id")).isEqualTo(athlete.id()));
    assertThat(mine.metricsUsers()).doesNotContain(other);
    assertThat(seen).filteredOn(f -> "metrics".equals(f.getString("type")))
        .first().satisfies(f -> assertThat(f.getJsonObject("data").getInteger("heart_rate")).isEqualTo(140));
    close(mine, staff, admin);
  }

  @Test
  void publishedMetricsArriveWithinASecond() throws Exception {
    Sock staff = ready(client, coach.token(), athlete.id());
    String who = UUID.randomUUID().toString();
    for (int i = 0; i < 20; i++) {
      int hr = 100 + i;
      long sent = System.nanoTime();
      gw.vertx().eventBus().publish(LiveFeed.METRICS_ADDRESS, metrics(who, hr));
      // late probe frames of ready() may still be in flight: find this athlete's frame by its value
      await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5)).until(() -> indexOf(staff, who, hr) >= 0);
      long arrived = staff.arrivals.get(indexOf(staff, who, hr));
      assertThat(TimeUnit.NANOSECONDS.toMillis(arrived - sent)).isLessThan(1000);
    }
    close(staff);
  }

  static int indexOf(Sock s, String userId, int hr) {
    for (int i = 0; i < s.frames.size(); i++) {
      JsonObject d = s.frames.get(i).getJsonObject("data");
      if (userId.equals(d.getString("user_id")) && Integer.valueOf(hr).equals(d.getInteger("heart_rate"))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aPausedClientNeitherBlocksTheOthersNorGrowsWithoutBound() throws Exception {
    Sock slow = ready(slowClient, coach.token(), athlete.id());
    Sock fast = ready(client, coach.token(), athlete.id());
    slow.ws.pause();
    double droppedBefore = droppedTotal();
    String who = UUID.randomUUID().toString();
    // 16 KiB frames: a paused reader's socket buffers fill after a few MiB, then its queue of 1000
    String padding = "x".repeat(16 * 1024);
    int published = 2500;
    int batch = 100;
    for (int i = 0; i < published; i++) {
      gw.vertx().eventBus().publish(LiveFeed.METRICS_ADDRESS, metrics(who, 60 + i % 120).put("pad", padding).put("seq", i));
      if (i == published / 2) {
        gw.vertx().eventBus().publish(LiveFeed.EVENTS_ADDRESS,
            new JsonObject().put("kind", "alert").put("user_id", who).put("ts", 3L).put("alert", "hr_too_high"));
      }
      if ((i + 1) % batch == 0) {
        // the other dashboard keeps up batch by batch while the slow one sits paused
        int expected = i + 1;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
            .until(() -> seqCount(fast, who) == expected);
      }
    }
    assertThat(fast.ofType("event")).extracting(f -> f.getJsonObject("data").getString("user_id")).containsExactly(who);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(droppedTotal()).isGreaterThan(droppedBefore));
    assertThat(slow.closeCode).as("metrics are dropped, the client stays").isNull();

    slow.ws.resume();
    await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(slow.ofType("metrics").stream().anyMatch(f -> f.getJsonObject("data").getInteger("seq", -1)
            == published - 1)).as("the newest metrics frame is never the one dropped").isTrue());
    assertThat(seqCount(slow, who)).as("some metrics dropped for the paused client").isLessThan(published)
        .as("but not all of them").isGreaterThan(1000);
    assertThat(slow.ofType("event")).extracting(f -> f.getJsonObject("data").getString("user_id"))
        .as("events are kept").containsExactly(who);
    close(slow, fast);
  }

  static long seqCount(Sock s, String who) {
    return s.ofType("metrics").stream().filter(f -> who.equals(f.getJsonObject("data").getString("user_id"))).count();
  }

  double droppedTotal() {
    Res res = api.get("/metrics", null);
    assertThat(res.status()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^clisonix_live_dropped_total(?:\\{[^}]*})? ([0-9.eE+-]+)$")
        .matcher(res.body().toString());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
