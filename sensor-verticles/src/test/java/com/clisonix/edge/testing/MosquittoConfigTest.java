package com.clisonix.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;
import io.vertx.mqtt.messages.MqttConnAckMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gym's broker configuration ({@code config/mosquitto}) run by the real Mosquitto binary:
 * its ACL, its limits under an ack-after-commit consumer, and its persistence across a restart.
 */
@ExtendWith(VertxExtension.class)
@org.junit.jupiter.api.Tag("system") // runs the real Mosquitto binary (Debian package mosquitto)
class MosquittoConfigTest {

  /** ble-gatt.md §1, HR Measurement vector 1: HR 72 with contact and two RR intervals. */
  private static final byte[] HR_VECTOR_1 = {0x16, 0x48, 0x54, 0x01, (byte) 0xEC, 0x02};
  /** The gateway's journal commits at most this many messages per batch (ARCHITECTURE.md §3). */
  private static final int COMMIT_BATCH = 500;

  private static MosquittoBroker broker;
  private static Map<String, String> shipped;

  @BeforeAll
  static void startTheGymsBroker() throws Exception {
    Path binary = new SystemServiceProbes().mosquittoBinary().orElseThrow(() ->
        new AssertionError("Mosquitto is needed for this test: apt-get install mosquitto"));
    Path root = RepoRoot.require();
    shipped = MosquittoConfigGenerator.options(Files.readString(
        root.resolve("config/mosquitto/mosquitto.conf"), StandardCharsets.UTF_8));
    broker = MosquittoBroker.start(binary, root, TestNames.topicRoot(TestNames.random()));
  }

  @AfterAll
  static void stopTheBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theShippedConfigurationIsSizedAndLockedForAGym() {
    // ARCHITECTURE.md §4 (Broker) and DEPENDENCIES.md (max_queued_messages gotcha)
    assertThat(shipped).containsEntry("allow_anonymous", "false")
        .containsEntry("per_listener_settings", "false")
        .containsEntry("persistence", "true")
        .containsKeys("password_file", "acl_file", "autosave_interval");
    int liveRate = 2_000;
    int backlogSeconds = 600;
    assertThat(Long.parseLong(shipped.get("max_queued_messages")))
        .as("a 10-minute backlog of a 200-athlete floor")
        .isGreaterThanOrEqualTo((long) liveRate * backlogSeconds);
    assertThat(Integer.parseInt(shipped.get("max_inflight_messages")))
        .as("room for a commit batch being written while the next one fills")
        .isGreaterThanOrEqualTo(2 * COMMIT_BATCH);
    assertThat(Integer.parseInt(shipped.get("autosave_interval"))).isPositive();
    assertThat(shipped.get("listener")).isEqualTo("1883");
  }

  @Test
  void bridgesWriteOnlyTheirOwnTopicsAndOnlyUpstreamReadsLiveData(Vertx vertx) throws Exception {
    String root = broker.topicRoot();
    MqttTestClient gateway = connected(vertx, broker.gateway(), "acl-gateway");
    gateway.subscribe(root + "/#", 1);
    gateway.subscribe("home/#", 1);
    MqttTestClient upstream = connected(vertx, broker.upstream(), "acl-upstream");
    upstream.subscribe(root + "/live/#", 1);
    MqttTestClient intruder = connected(vertx, broker.bridge("bridge-b"), "acl-intruder");
    intruder.subscribe(root + "/live/#", 1);
    MqttTestClient bridge = connected(vertx, broker.bridge("bridge-a"), "acl-bridge-a");

    String own = root + "/ble/bridge-a/AABBCCDDEEFF/2a37";
    // bridges.md §1: a Theengs bridge publishes under home/<its name>/BTtoMQTT/<MAC>
    String theengs = "home/bridge-a/BTtoMQTT/A1B2C3D4E5F6";
    bridge.publish(own, Buffer.buffer(HR_VECTOR_1), MqttQoS.AT_LEAST_ONCE);
    bridge.publish(root + "/live/x", Buffer.buffer("forged live"), MqttQoS.AT_LEAST_ONCE);
    bridge.publish(root + "/ble/bridge-b/AABBCCDDEEFF/2a37", Buffer.buffer("forged bridge"),
        MqttQoS.AT_LEAST_ONCE);
    bridge.publish(theengs, Buffer.buffer("{\"id\":\"A1:B2:C3:D4:E5:F6\",\"bpm\":72}"),
        MqttQoS.AT_LEAST_ONCE);
    // the broker handles one connection's messages in order: once the marker is through,
    // anything it let through before has arrived as well
    bridge.publish(own, Buffer.buffer("marker"), MqttQoS.AT_LEAST_ONCE);

    await().atMost(Duration.ofSeconds(10)).until(() -> topics(gateway).size() >= 3
        && "marker".equals(lastPayload(gateway)));
    assertThat(topics(gateway)).containsExactly(own, theengs, own);
    assertThat(gateway.received().peek().payload().getBytes()).isEqualTo(HR_VECTOR_1);

    String live = root + "/live/u-1";
    gateway.publish(live, Buffer.buffer("{\"heart_rate\":72}"), MqttQoS.AT_LEAST_ONCE);
    await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.received().isEmpty());
    assertThat(topics(upstream)).containsExactly(live);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
        .until(() -> intruder.received().isEmpty());

    for (MqttTestClient client : List.of(gateway, upstream, intruder, bridge)) {
      client.disconnect();
    }
  }

  @Test
  void anonymousClientsAndWrongPasswordsAreRefused(Vertx vertx) throws Exception {
    Throwable anonymous = MqttTestClient.create(vertx,
        MqttTestClient.options(null, "acl-anonymous")).connectFailure(broker);
    Throwable wrongPassword = MqttTestClient.create(vertx,
        MqttTestClient.options(new Credentials("gateway", "not-the-password"), "acl-wrong"))
        .connectFailure(broker);

    assertThat(anonymous).isInstanceOf(MqttConnectionException.class);
    assertThat(((MqttConnectionException) anonymous).code())
        .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
    assertThat(wrongPassword).isInstanceOf(MqttConnectionException.class);
    assertThat(((MqttConnectionException) wrongPassword).code())
        .isIn(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
  }

  @Test
  void aCameraPublishesPoseFramesUnderItsOwnIdOnly(Vertx vertx) throws Exception {
    String root = broker.topicRoot();
    int maxPacket = Integer.parseInt(shipped.get("max_packet_size"));
    // vertx-mqtt's decoder silently drops messages over 8 KB unless told otherwise
    MqttTestClient gateway = MqttTestClient.create(vertx,
        MqttTestClient.options(broker.gateway(), "pose-gateway").setMaxMessageSize(maxPacket));
    gateway.connect(broker);
    gateway.subscribe(root + "/camera/#", 1);
    MqttTestClient camera = connected(vertx, broker.bridge("camera-entrance"), "pose-camera");
    // a crowded view: CONTRACT.md §1 pose frame, 20 people with 33 landmarks and world rows
    StringBuilder frame = new StringBuilder("{\"ts\":1732500000123,\"frame\":42,\"people\":[");
    for (int person = 0; person < 20; person++) {
      frame.append(person == 0 ? "" : ",").append("{\"track\":\"").append(person)
          .append("\",\"format\":\"mediapipe33\",\"landmarks\":[");
      for (int row = 0; row < 33; row++) {
        frame.append(row == 0 ? "" : ",").append("[0.512345,0.323456,-0.101234,0.991234]");
      }
      frame.append("],\"world\":[");
      for (int row = 0; row < 33; row++) {
        frame.append(row == 0 ? "" : ",").append("[0.012345,-0.523456,-0.081234]");
      }
      frame.append("]}");
    }
    Buffer pose = Buffer.buffer(frame.append("]}").toString());
    assertThat(pose.length()).isBetween(8 * 1024, maxPacket);

    camera.publish(root + "/camera/camera-side/pose", Buffer.buffer("forged"),
        MqttQoS.AT_LEAST_ONCE);
    camera.publish(root + "/camera/camera-entrance/pose", pose, MqttQoS.AT_LEAST_ONCE);

    await().atMost(Duration.ofSeconds(10)).until(() -> !gateway.received().isEmpty());
    assertThat(topics(gateway)).containsExactly(root + "/camera/camera-entrance/pose");
    assertThat(gateway.received().peek().payload()).isEqualTo(pose);
    gateway.disconnect();
    camera.disconnect();
  }

  /**
   * The ingest consumer acknowledges QoS 1 messages only after its group commit. While it
   * holds its acks the broker may send no more than its in-flight limit and must queue the
   * rest; Mosquitto's defaults (20 in flight, 1000 queued) would drop most of this burst.
   */
  @Test
  void anAckAfterCommitConsumerLosesNothingFromABurst(Vertx vertx) throws Exception {
    int burst = 5_000;
    int inFlightLimit = Integer.parseInt(shipped.get("max_inflight_messages"));
    String topic = broker.topicRoot() + "/ble/bridge-burst/AABBCCDDEEFF/2a37";

    MqttClientOptions consumerOptions = MqttTestClient.options(broker.gateway(), "burst-ingest");
    consumerOptions.setAutoAck(false);
    MqttTestClient consumer = MqttTestClient.create(vertx, consumerOptions);
    AtomicBoolean committing = new AtomicBoolean(false);
    AtomicInteger acked = new AtomicInteger();
    Deque<MqttPublishMessage> unacked = new ArrayDeque<>();
    consumer.onMessage(unacked::add);
    consumer.connect(broker);
    consumer.subscribe(broker.topicRoot() + "/ble/#", 1);
    // a commit every 20 ms of at most one batch, acknowledged only then
    AtomicLong commitTimer = new AtomicLong();
    consumer.context().runOnContext(v -> commitTimer.set(vertx.setPeriodic(20, timer -> {
      if (committing.get()) {
        for (int i = 0; i < COMMIT_BATCH && !unacked.isEmpty(); i++) {
          unacked.poll().ack();
          acked.incrementAndGet();
        }
      }
    })));

    MqttTestClient bridge = MqttTestClient.create(vertx,
        MqttTestClient.options(broker.bridge("bridge-burst"), "burst-bridge")
            .setMaxInflightQueue(burst));
    bridge.connect(broker);
    bridge.publishAll(
        IntStream.range(0, burst).mapToObj(i -> topic).collect(Collectors.toList()),
        IntStream.range(0, burst).mapToObj(i -> Buffer.buffer(Integer.toString(i)))
            .collect(Collectors.toList()));
    await().atMost(Duration.ofSeconds(30)).until(() -> bridge.publishAcks() == burst);

    // without acks the consumer has exactly the in-flight window; the rest waits in the queue
    int window = Math.min(burst, inFlightLimit);
    await().atMost(Duration.ofSeconds(10)).until(() -> consumer.received().size() >= window);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> consumer.received().size() == window);

    committing.set(true);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        consumer.received().size()).as("messages delivered to the consumer").isEqualTo(burst));

    List<Integer> sequence = new ArrayList<>();
    consumer.received().forEach(m -> sequence.add(Integer.parseInt(m.payload().toString())));
    assertThat(sequence).hasSize(burst);
    assertThat(new HashSet<>(sequence)).hasSize(burst)
        .isEqualTo(IntStream.range(0, burst).boxed().collect(Collectors.toSet()));
    assertThat(consumer.received()).noneMatch(MqttPublishMessage::isDup);
    await().atMost(Duration.ofSeconds(10)).until(() -> acked.get() == burst);
    vertx.cancelTimer(commitTimer.get());
    consumer.disconnect();
    bridge.disconnect();
  }

  @Test
  void aPersistentSessionGetsWhatWasQueuedAcrossABrokerRestart(Vertx vertx) throws Exception {
    int count = 50;
    String filter = broker.topicRoot() + "/ble/#";
    String topic = broker.topicRoot() + "/ble/bridge-restart/AABBCCDDEEFF/2a37";
    MqttClientOptions sessionOptions = MqttTestClient.options(broker.gateway(), "restart-ingest")
        .setCleanSession(false);
    MqttTestClient before = MqttTestClient.create(vertx, sessionOptions);
    before.connect(broker);
    before.subscribe(filter, 1);
    before.disconnect();

    MqttTestClient bridge = MqttTestClient.create(vertx,
        MqttTestClient.options(broker.bridge("bridge-restart"), "restart-bridge")
            .setMaxInflightQueue(count));
    bridge.connect(broker);
    bridge.publishAll(
        IntStream.range(0, count).mapToObj(i -> topic).collect(Collectors.toList()),
        IntStream.range(0, count).mapToObj(i -> Buffer.buffer("r" + i))
            .collect(Collectors.toList()));
    await().atMost(Duration.ofSeconds(10)).until(() -> bridge.publishAcks() == count);
    bridge.disconnect();

    assertThat(broker.canRestart()).isTrue();
    int port = broker.port();
    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    assertThat(broker.directory().resolve("data/mosquitto.db")).isRegularFile();
    broker.start();
    assertThat(broker.port()).isEqualTo(port);

    MqttTestClient after = MqttTestClient.create(vertx, sessionOptions);
    MqttConnAckMessage connAck = after.connect(broker);
    assertThat(connAck.isSessionPresent()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> after.received().size() >= count);
    Set<String> payloads = after.received().stream().map(m -> m.payload().toString())
        .collect(Collectors.toSet());
    assertThat(payloads).isEqualTo(
        IntStream.range(0, count).mapToObj(i -> "r" + i).collect(Collectors.toSet()));
    after.disconnect();
  }

  private static MqttTestClient connected(Vertx vertx, Credentials account, String clientId)
      throws Exception {
    MqttTestClient client = MqttTestClient.create(vertx,
        MqttTestClient.options(account, clientId + "-" + TestNames.random()));
    client.connect(broker);
    return client;
  }

  private static List<String> topics(MqttTestClient client) {
    return client.received().stream().map(MqttPublishMessage::topicName)
        .collect(Collectors.toList());
  }

  private static String lastPayload(MqttTestClient client) {
    MqttPublishMessage last = null;
    for (MqttPublishMessage message : client.received()) {
      last = message;
    }
    return last == null ? null : last.payload().toString();
  }
}
