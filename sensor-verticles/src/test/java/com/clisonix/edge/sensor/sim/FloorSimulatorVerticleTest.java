package com.clisonix.edge.sensor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.sensor.bridge.HexEnvelope;
import com.clisonix.edge.sensor.bridge.HexEnvelopeDecoder;
import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.eyes.EyeMetricsDecoder;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import com.clisonix.edge.testing.Credentials;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.RealServices;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubAckMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulator verticle against the gym's Mosquitto (its ACL: a bridge or camera account may
 * publish only under its own name) with a subscriber on the gateway's account.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("system") // needs the real Mosquitto binary and the gym's accounts (Debian package mosquitto)
class FloorSimulatorVerticleTest {

  private static final List<String> BRIDGES = List.of("simbr-a", "simbr-b");
  private static final String CAMERA = "simcam-1";

  private Vertx vertx;
  private MqttService mqtt;
  private MqttClient subscriber;
  private final Queue<MqttPublishMessage> received = new ConcurrentLinkedQueue<>();

  @BeforeAll
  void connectTheGateway(MqttService mqtt) throws Exception {
    this.mqtt = mqtt;
    vertx = Vertx.vertx();
    Credentials gw = mqtt.gateway();
    subscriber = MqttClient.create(vertx, new MqttClientOptions().setClientId("sim-observer-" + System.nanoTime())
        .setUsername(gw.username()).setPassword(gw.password())
        .setMaxMessageSize(FloorSimulatorVerticle.MAX_MESSAGE_SIZE));
    subscriber.publishHandler(received::add);
    Promise<MqttSubAckMessage> subAck = Promise.promise();
    // subscribe() completes when SUBSCRIBE is written; the SUBACK says the broker will deliver.
    subscriber.subscribeCompletionHandler(subAck::tryComplete);
    subscriber.connect(mqtt.port(), mqtt.host()).await(15, TimeUnit.SECONDS);
    subscriber.subscribe(mqtt.topicRoot() + "/#", 1).await(15, TimeUnit.SECONDS);
    assertThat(subAck.future().await(15, TimeUnit.SECONDS).grantedQoSLevels()).containsExactly(1);
  }

  @AfterAll
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @BeforeEach
  void forgetEarlierMessages() {
    received.clear();
  }

  @Test
  void everyMessageArrivesDecodesAndMatchesTheTruth() throws Exception {
    FloorSimulatorVerticle verticle = new FloorSimulatorVerticle();
    String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config(mqtt.port())))
        .await(30, TimeUnit.SECONDS);
    int max = 64;
    long deadline = System.currentTimeMillis() + 4_000;
    JsonObject status;
    do {
      status = status();
      assertThat(status.getInteger("in_flight")).isBetween(0, max);
      Thread.sleep(50);
    } while (System.currentTimeMillis() < deadline);
    assertThat(status.getBoolean("running")).isTrue();
    assertThat(status.getInteger("connected")).as("one connection per bridge and camera account").isEqualTo(3);
    assertThat(status.getLong("published")).as("4 s of 8 straps, 3 machines and a 10 fps camera").isGreaterThan(60);
    assertThat(status.getLong("dropped_offline")).isZero();
    assertThat(status.getLong("failed")).isZero();
    assertThat(status.getLong("lag_ms")).isLessThan(1_000);

    vertx.undeploy(id).await(30, TimeUnit.SECONDS);
    SimulationTruth truth = verticle.simulator().truth();
    // the stop's offline announcements come last, so once they arrived everything had
    await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= truth.messages());
    assertThat(received).hasSize((int) truth.messages());

    Map<String, Long> kinds = new HashMap<>();
    PoseFrameDecoder poses = new PoseFrameDecoder();
    for (MqttPublishMessage m : received) {
      String kind = decodeAndClassify(m, poses);
      kinds.merge(kind, 1L, Long::sum);
    }
    assertThat(kinds).isEqualTo(truth.messagesByKind());
    assertThat(kinds.get(SimMessage.POSE)).isGreaterThan(30);
    assertThat(kinds.get(SimMessage.HEART_RATE)).isGreaterThanOrEqualTo(8 * 3);

    // The bridges left their retained "offline" behind.
    Map<String, String> retained = retainedStatus();
    assertThat(retained).containsOnlyKeys(BRIDGES.stream().map(b -> mqtt.topicRoot() + "/ble/" + b + "/status")
        .toList());
    assertThat(retained.values()).containsOnly("offline");
  }

  @Test
  void aStalledBrokerHoldsTheWindowAndTheFloorFallsBehindInsteadOfBuffering() throws Exception {
    // A proxy whose broker-to-simulator direction can be held: PUBACKs stop coming, as from a
    // broker that has stopped keeping up, while the connection stays up.
    NetServer proxy = vertx.createNetServer();
    NetClient upstream = vertx.createNetClient();
    Map<String, NetSocket> brokerSides = new ConcurrentHashMap<>();
    proxy.connectHandler(client -> {
      client.pause();
      upstream.connect(mqtt.port(), mqtt.host()).onSuccess(broker -> {
        brokerSides.put(Integer.toHexString(System.identityHashCode(broker)), broker);
        client.handler(broker::write);
        broker.handler(client::write);
        client.closeHandler(v -> broker.close());
        broker.closeHandler(v -> client.close());
        client.resume();
      }).onFailure(err -> client.close());
    });
    int port = proxy.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    int max = 16;
    JsonObject config = config(port).put("max_in_flight", max).put("rate", 5.0).put("athletes", 16)
        .put("host", "127.0.0.1");
    FloorSimulatorVerticle verticle = new FloorSimulatorVerticle();
    String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).await(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> status().getLong("acknowledged") > 200);

    brokerSides.values().forEach(NetSocket::pause);
    Thread.sleep(300);
    long publishedWhenHeld = status().getLong("published");
    Thread.sleep(2_000);
    JsonObject held = status();
    assertThat(held.getInteger("in_flight")).isBetween(1, max);
    assertThat(held.getLong("published")).as("nothing beyond the window").isLessThanOrEqualTo(publishedWhenHeld + max);
    assertThat(held.getLong("stalled_ticks")).isPositive();
    assertThat(held.getLong("lag_ms")).as("the floor waits instead of queueing").isGreaterThan(1_000);

    brokerSides.values().forEach(NetSocket::resume);
    await().atMost(Duration.ofSeconds(20)).until(() -> status().getLong("lag_ms") < 500);
    JsonObject after = status();
    assertThat(after.getLong("published")).isGreaterThan(held.getLong("published") + 100);
    assertThat(after.getLong("lost") + after.getLong("expired") + after.getLong("failed")
        + after.getLong("dropped_offline")).isZero();

    vertx.undeploy(id).await(30, TimeUnit.SECONDS);
    SimulationTruth truth = verticle.simulator().truth();
    await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= truth.messages());
    assertThat(received).hasSize((int) truth.messages());
    proxy.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRefusedAccountFailsTheStartAndSaysWhich() {
    JsonObject config = config(mqtt.port());
    config.getJsonObject("accounts").put(CAMERA, new JsonObject().put("username", CAMERA).put("password", "wrong"));
    assertThatThrownBy(() -> vertx.deployVerticle(new FloorSimulatorVerticle(), new DeploymentOptions()
        .setConfig(config)).await(30, TimeUnit.SECONDS))
        .hasMessageContaining("MQTT connection " + CAMERA);
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  private JsonObject config(int port) {
    JsonObject accounts = new JsonObject();
    for (String source : List.of(BRIDGES.get(0), BRIDGES.get(1), CAMERA)) {
      Credentials c = mqtt.bridge(source);
      accounts.put(source, new JsonObject().put("username", c.username()).put("password", c.password()));
    }
    return new JsonObject()
        .put("host", mqtt.host())
        .put("port", port)
        .put("client_id", "sim-test-" + System.nanoTime())
        .put("root", mqtt.topicRoot())
        .put("athletes", 8)
        .put("seed", 5)
        .put("bridges", new JsonArray(BRIDGES))
        .put("cameras", new JsonArray(List.of(CAMERA)))
        .put("people_per_camera", 2)
        .put("camera_fps", 10)
        .put("class_minutes", 1)
        .put("max_in_flight", 64)
        .put("accounts", accounts);
  }

  private JsonObject status() throws Exception {
    return vertx.eventBus().<JsonObject>request(FloorSimulatorVerticle.STATUS_ADDRESS, null)
        .await(5, TimeUnit.SECONDS).body();
  }

  /** Decodes a received message with the product's decoder for its topic and returns its kind. */
  private String decodeAndClassify(MqttPublishMessage m, PoseFrameDecoder poses) {
    String topic = m.topicName();
    byte[] payload = m.payload().getBytes();
    String[] levels = topic.substring(mqtt.topicRoot().length() + 1).split("/");
    if (levels[0].equals("camera")) {
      assertThat(levels[1]).isEqualTo(CAMERA);
      if (levels[2].equals("pose")) {
        ParseResult<PoseFrame> frame = poses.decode(payload);
        assertThat(frame).as(topic).isInstanceOf(ParseResult.Parsed.class);
        return SimMessage.POSE;
      }
      assertThat(EyeMetricsDecoder.decode(payload)).as(topic).isInstanceOf(ParseResult.Parsed.class);
      return SimMessage.EYES;
    }
    assertThat(levels[0]).isEqualTo("ble");
    assertThat(levels[1]).isIn(BRIDGES);
    if (levels[2].equals("status")) {
      assertThat(new String(payload, StandardCharsets.US_ASCII)).isIn("online", "offline");
      return SimMessage.BRIDGE_STATUS;
    }
    byte[] value = payload;
    if (levels.length == 5) {
      assertThat(levels[4]).isEqualTo("json");
      ParseResult<HexEnvelope> env = HexEnvelopeDecoder.decode(payload);
      assertThat(env).as(topic).isInstanceOf(ParseResult.Parsed.class);
      value = ((ParseResult.Parsed<HexEnvelope>) env).value().value();
    }
    GattCharacteristic c = GattCharacteristic.fromTopicLevel(levels[3]).orElseThrow();
    assertThat(c.decoder().decode(value)).as(topic).isInstanceOf(DecodeResult.Decoded.class);
    return switch (c) {
      case HEART_RATE_MEASUREMENT -> SimMessage.HEART_RATE;
      case INDOOR_BIKE_DATA -> SimMessage.INDOOR_BIKE;
      case TREADMILL_DATA -> SimMessage.TREADMILL;
      case ROWER_DATA -> SimMessage.ROWER;
      default -> throw new AssertionError("unexpected characteristic " + c);
    };
  }

  /** The retained bridge status a newly subscribing client gets. */
  private Map<String, String> retainedStatus() throws Exception {
    Credentials gw = mqtt.gateway();
    Map<String, String> out = new ConcurrentHashMap<>();
    MqttClient late = MqttClient.create(vertx, new MqttClientOptions().setClientId("sim-late-" + System.nanoTime())
        .setUsername(gw.username()).setPassword(gw.password()));
    late.publishHandler(m -> {
      if (m.isRetain()) {
        out.put(m.topicName(), m.payload().toString(StandardCharsets.US_ASCII));
      }
    });
    late.connect(mqtt.port(), mqtt.host()).await(15, TimeUnit.SECONDS);
    late.subscribe(mqtt.topicRoot() + "/ble/+/status", 1).await(15, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.size() >= BRIDGES.size());
    late.disconnect().await(10, TimeUnit.SECONDS);
    return out;
  }
}
