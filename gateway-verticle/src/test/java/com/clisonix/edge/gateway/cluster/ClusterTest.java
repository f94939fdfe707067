package com.clisonix.edge.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.analysis.session.AthleteShards;
import com.clisonix.edge.analysis.session.ShardAssignment;
import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.GatewayApplication;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.GatewayVertx;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.live.LiveFeed;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three boxes of one gym as one cluster, in this JVM on loopback (Hazelcast with TCP/IP join on
 * free ports, a cluster name of its own): readings decoded on box A are analysed by their
 * athlete's owner, whichever box that is, and the coach's live WebSocket on box C shows the whole
 * floor; box B leaves while readings flow and its athletes are taken over with no reading lost
 * (readings analysed by the actors of all boxes against readings sent); B comes back and takes its
 * athletes back. The members share the class's PostgreSQL and Redis; each has its own zone's MQTT
 * root. The tests run in order on one cluster (Hazelcast start-up is the slow part).
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  static final List<String> NODES = List.of("zone-a", "zone-b", "zone-c");
  static final DeliveryOptions THIS_BOX = new DeliveryOptions().setLocalOnly(true);

  record Box(String node, Vertx vertx, GatewayApplication app, ApiClient api, WebClient web) {}

  PostgresService pg;
  RedisService redis;
  MqttService mqtt;
  String gymId;
  final Map<String, Integer> hazelcastPorts = new LinkedHashMap<>();
  final Map<String, Box> boxes = new ConcurrentHashMap<>();
  /** The athletes (with an open workout each) and the box that owns each one while all three run. */
  final Map<UUID, String> owners = new LinkedHashMap<>();
  final Map<UUID, String> workouts = new LinkedHashMap<>();
  /** The last metrics of each athlete the dashboard socket on box C received. */
  final Map<String, JsonObject> dashboard = new ConcurrentHashMap<>();
  WebSocketClient wsClient;
  WebSocket socket;
  String adminTokenA;
  PgUri cloudUri;

  @BeforeAll
  void startCluster(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    this.pg = pg;
    this.redis = redis;
    this.mqtt = mqtt;
    gymId = "cluster-" + Long.toHexString(System.nanoTime()).substring(0, 8);
    // one cloud database for the gym: the boxes must agree that only one of them drains to it
    PgUri edge = PgUri.parse("edge_db.uri", pg.uri());
    String cloudDb = edge.database() + "_cloud";
    try (Connection c = DriverManager.getConnection(edge.jdbcUrl(), edge.user(), edge.password());
         Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + cloudDb);
    }
    cloudUri = new PgUri(edge.host(), edge.port(), cloudDb, edge.user(), edge.password(), edge.sslmode());
    for (String node : NODES) {
      hazelcastPorts.put(node, freePort());
    }
    // the first box migrates the shared schema; the others join its cluster
    start("zone-a");
    start("zone-b");
    start("zone-c");
    await().atMost(Duration.ofSeconds(20)).until(() -> boxes.values().stream()
        .allMatch(b -> ownedShards(b) > 0));

    Box a = boxes.get("zone-a");
    adminTokenA = ApiTestBase.login(a.api(), "admin", GatewayTestConfig.ADMIN_PASSWORD);
    ShardAssignment table = ShardAssignment.of(NODES, AthleteShards.VIRTUAL_SHARDS);
    // profiles until each box owns at least two athletes
    while (NODES.stream().anyMatch(n -> owners.values().stream().filter(n::equals).count() < 2)) {
      String name = "athlete-" + UUID.randomUUID().toString().substring(0, 8);
      ApiClient.Res res = a.api().post("/fitness/users/profile", adminTokenA, new JsonObject().put("username", name)
          .put("email", name + "@example.test").put("age", 30).put("gender", "F").put("weight_kg", 62)
          .put("resting_heart_rate", 55));
      assertThat(res.status()).as("create profile: %s", res).isEqualTo(201);
      UUID id = UUID.fromString(res.json().getString("user_id"));
      owners.put(id, table.ownerOf(AthleteShards.virtualShardOf(id)));
      ApiClient.Res w = a.api().post("/fitness/users/" + id + "/workouts", adminTokenA,
          new JsonObject().put("name", "Cluster class").put("workout_type", "cardio"));
      assertThat(w.status()).as("start workout: %s", w).isEqualTo(201);
      workouts.put(id, w.json().getString("workout_id"));
      assertThat(owners).hasSizeLessThan(60);
    }

    // the coach's dashboard on box C
    Box c = boxes.get("zone-c");
    String tokenC = ApiTestBase.login(c.api(), "admin", GatewayTestConfig.ADMIN_PASSWORD);
    wsClient = c.vertx().createWebSocketClient();
    socket = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(c.app().httpPort())
        .setURI(LiveFeed.PATH)).await(10, TimeUnit.SECONDS);
    socket.textMessageHandler(t -> {
      JsonObject frame = new JsonObject(t);
      if ("metrics".equals(frame.getString("type"))) {
        dashboard.put(frame.getJsonObject("data").getString("user_id"), frame.getJsonObject("data"));
      }
    });
    socket.writeTextMessage(new JsonObject().put("token", tokenC).encode()).await(5, TimeUnit.SECONDS);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (wsClient != null) {
      wsClient.close().await(10, TimeUnit.SECONDS);
    }
    for (Box b : List.copyOf(boxes.values())) {
      stop(b);
    }
    if (cloudUri != null) {
      PgUri edge = PgUri.parse("edge_db.uri", pg.uri());
      try (Connection c = DriverManager.getConnection(edge.jdbcUrl(), edge.user(), edge.password());
           Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + cloudUri.database() + " WITH (FORCE)");
      }
    }
  }

  Box start(String node) throws Exception {
    JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt);
    tree.getJsonObject("gym").put("id", gymId).put("node_id", node);
    // each box ingests its own zone
    tree.getJsonObject("mqtt").put("root", mqtt.topicRoot() + "/" + node);
    tree.getJsonObject("auth").put("rate_limit", new JsonObject().put("requests_per_minute", 100_000));
    tree.put("cloud_db", new JsonObject().put("uri", "postgres://" + cloudUri.user()
        + (cloudUri.password() == null ? "" : ":" + java.net.URLEncoder.encode(cloudUri.password(),
            java.nio.charset.StandardCharsets.UTF_8)) + "@" + cloudUri.host() + ":" + cloudUri.port()
        + "/" + cloudUri.database()));
    tree.put("cluster", new JsonObject()
        .put("members", hazelcastPorts.values().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")))
        .put("host", "127.0.0.1").put("port", hazelcastPorts.get(node)).put("eventbus_port", 0));
    GatewayConfig config = GatewayConfig.from(tree, false);
    Vertx vertx = GatewayVertx.createClustered(gymId, node, config.cluster()).await(60, TimeUnit.SECONDS);
    try {
      GatewayApplication app = GatewayApplication.start(vertx, tree, false, null).await(60, TimeUnit.SECONDS);
      WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(app.httpPort()));
      Box box = new Box(node, vertx, app, new ApiClient(web), web);
      boxes.put(node, box);
      return box;
    } catch (Exception e) {
      vertx.close().await(30, TimeUnit.SECONDS);
      throw e;
    }
  }

  void stop(Box b) throws Exception {
    boxes.remove(b.node());
    try {
      b.app().stop().await(30, TimeUnit.SECONDS);
    } finally {
      b.vertx().close().await(30, TimeUnit.SECONDS);
    }
  }

  static int ownedShards(Box b) {
    try {
      JsonObject table = b.vertx().eventBus().<JsonObject>request(
          com.clisonix.edge.analysis.session.AthleteRouterVerticle.OWNERSHIP_CURRENT, null, THIS_BOX)
          .await(5, TimeUnit.SECONDS).body();
      return table.getJsonArray("members").size() == NODES.size() ? table.getJsonArray("owned").size() : 0;
    } catch (Exception e) {
      return 0;
    }
  }

  /** A decoded heart rate handed to box A's router exactly as its MQTT ingest hands one over. */
  static void heartRate(Box at, UUID athlete, int bpm) {
    Reading r = new Reading(athlete, ReadingType.HEART_RATE, bpm, "bpm", System.currentTimeMillis(), "strap-" + athlete,
        "chest_strap", "bridge-a", null);
    at.vertx().eventBus().publish(MqttIngestVerticle.READINGS_ADDRESS, r, THIS_BOX);
  }

  long analysedOnAllBoxes(Map<String, Long> before, Map<String, Long> stopped) {
    long sum = 0;
    for (Box b : boxes.values()) {
      sum += b.app().readingsAnalysed() - before.getOrDefault(b.node() + "@" + System.identityHashCode(b.app()), 0L);
    }
    for (long v : stopped.values()) {
      sum += v;
    }
    return sum;
  }

  Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    boxes.values().forEach(b -> m.put(b.node() + "@" + System.identityHashCode(b.app()), b.app().readingsAnalysed()));
    return m;
  }

  @Test
  @Order(1)
  void readingsDecodedOnBoxAAreAnalysedByTheirOwnersAndShownOnBoxC() {
    Box a = boxes.get("zone-a");
    Map<String, Long> before = snapshot();
    Map<String, Long> perBoxBefore = new LinkedHashMap<>();
    boxes.values().forEach(b -> perBoxBefore.put(b.node(), b.app().readingsAnalysed()));
    int perAthlete = 20;
    a.vertx().runOnContext(v -> {
      for (int i = 0; i < perAthlete; i++) {
        for (UUID id : owners.keySet()) {
          heartRate(a, id, 100 + i);
        }
      }
    });
    long sent = (long) perAthlete * owners.size();
    await().atMost(Duration.ofSeconds(20)).until(() -> analysedOnAllBoxes(before, Map.of()) >= sent);
    assertThat(analysedOnAllBoxes(before, Map.of())).isEqualTo(sent);
    // each box analysed exactly its own athletes' readings: one owner per athlete
    for (String node : NODES) {
      long mine = owners.values().stream().filter(node::equals).count() * perAthlete;
      assertThat(boxes.get(node).app().readingsAnalysed() - perBoxBefore.get(node)).as(node).isEqualTo(mine);
    }
    // the dashboard on C shows every athlete of the floor, with the last rate and the open workout from the store
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      for (UUID id : owners.keySet()) {
        JsonObject m = dashboard.get(id.toString());
        assertThat(m).as("metrics of %s (owned by %s) on box C", id, owners.get(id)).isNotNull();
        // metrics go out at most once a second per athlete: the rate shown is one of the burst's
        assertThat(m.getInteger("heart_rate")).isBetween(100, 100 + perAthlete - 1);
        assertThat(m.getString("workout_id")).isEqualTo(workouts.get(id).toString());
      }
    });
  }

  /** Each box's view of the replication link: leader (it drains to the cloud) or standby. */
  Map<String, String> replicationRoles() {
    Map<String, String> roles = new LinkedHashMap<>();
    for (Box b : boxes.values()) {
      String token = ApiTestBase.login(b.api(), "admin", GatewayTestConfig.ADMIN_PASSWORD);
      roles.put(b.node(), b.api().get("/fitness/replication", token).json().getString("role"));
    }
    return roles;
  }

  @Test
  @Order(2)
  void exactlyOneBoxOfTheClusterReplicatesToTheCloud() {
    // the existing session advisory lock on the shared edge database: held by one box, whichever it is
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Map<String, String> roles = replicationRoles();
      assertThat(roles.values().stream().filter("leader"::equals).count()).as("%s", roles).isEqualTo(1);
      assertThat(roles.values().stream().filter("standby"::equals).count()).as("%s", roles).isEqualTo(2);
    });
  }

  @Test
  @Order(3)
  void whenBoxBLeavesItsAthletesAreTakenOverWithNoReadingLost() throws Exception {
    Box a = boxes.get("zone-a");
    Box b = boxes.get("zone-b");
    List<UUID> ofB = owners.entrySet().stream().filter(e -> e.getValue().equals("zone-b")).map(Map.Entry::getKey)
        .toList();
    Map<String, Long> before = snapshot();
    long bBefore = b.app().readingsAnalysed();
    AtomicLong sent = new AtomicLong();
    int[] bpm = {120};
    // a steady floor: every athlete's strap sends 10 readings a second through box A
    long timer = a.vertx().setPeriodic(100, id -> {
      bpm[0] = bpm[0] >= 170 ? 120 : bpm[0] + 1;
      for (UUID athlete : owners.keySet()) {
        heartRate(a, athlete, bpm[0]);
        sent.incrementAndGet();
      }
    });
    Thread.sleep(1000);
    long stopAt = System.currentTimeMillis();
    stop(b);
    Map<String, Long> stopped = Map.of("zone-b", b.app().readingsAnalysed() - bBefore);
    // B's athletes are analysed again, by A or C, within seconds
    dashboard.keySet().removeAll(ofB.stream().map(UUID::toString).toList());
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      for (UUID id : ofB) {
        JsonObject m = dashboard.get(id.toString());
        assertThat(m).as("metrics of %s after zone-b left", id).isNotNull();
        // the new owner rebuilt the athlete from the shared store: the open workout is still known
        assertThat(m.getString("workout_id")).isEqualTo(workouts.get(id));
      }
    });
    long takeoverMs = System.currentTimeMillis() - stopAt;
    Thread.sleep(1000);
    a.vertx().cancelTimer(timer);
    Thread.sleep(200); // a tick already running on A's loop finishes
    long total = sent.get();
    await().atMost(Duration.ofSeconds(20)).until(() -> analysedOnAllBoxes(before, stopped) >= total);
    long analysed = analysedOnAllBoxes(before, stopped);
    System.out.printf("cluster failover: sent=%d analysed=%d takeover_ms=%d%n", total, analysed, takeoverMs);
    // nothing lost; a reading whose acknowledgement was lost in the stop may be analysed twice, never more than
    // what was in flight to B at that moment
    assertThat(analysed).isBetween(total, total + ofB.size() * 10L);
    // with zone-b gone, still exactly one of the two remaining boxes replicates
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<String, String> roles = replicationRoles();
      assertThat(roles.values().stream().filter("leader"::equals).count()).as("%s", roles).isEqualTo(1);
    });
  }

  @Test
  @Order(4)
  void aReturningBoxTakesItsAthletesBack() throws Exception {
    Box b = start("zone-b");
    await().atMost(Duration.ofSeconds(20)).until(() -> ownedShards(b) > 0 && ownedShards(boxes.get("zone-a")) > 0
        && ownedShards(boxes.get("zone-c")) > 0);
    Box a = boxes.get("zone-a");
    Map<String, Long> before = new LinkedHashMap<>();
    boxes.values().forEach(x -> before.put(x.node(), x.app().readingsAnalysed()));
    int perAthlete = 10;
    a.vertx().runOnContext(v -> {
      for (int i = 0; i < perAthlete; i++) {
        for (UUID id : owners.keySet()) {
          heartRate(a, id, 90 + i);
        }
      }
    });
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      for (String node : NODES) {
        long mine = owners.values().stream().filter(node::equals).count() * perAthlete;
        // the same node id hashes to the same shards: B gets exactly its athletes back
        assertThat(boxes.get(node).app().readingsAnalysed() - before.get(node)).as(node).isEqualTo(mine);
      }
    });
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
