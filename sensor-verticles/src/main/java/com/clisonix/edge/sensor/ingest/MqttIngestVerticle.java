package com.clisonix.edge.sensor.ingest;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the box's one MQTT session and turns what bridges and cameras publish into readings.
 *
 * <p>The session is persistent (clean session off, fixed client id) so the broker queues QoS 1
 * messages while the box is away; vertx-mqtt does not reconnect by itself, so this verticle does,
 * with jittered exponential backoff, and subscribes again. Each message is decoded by the
 * {@link IngestPipeline}, handed to the reading journal, and acknowledged only once the journal
 * has committed it: a gateway killed between receipt and commit gets the message again. Readings
 * go to analysis at once, except a broker redelivery, which waits for the journal to say whether
 * it is new. Rejected payloads are counted and acknowledged (redelivering garbage helps nobody).
 *
 * <p>Presence: retained {@code online} on connect, {@code offline} as the last will and on an
 * orderly stop. Other verticles reach it through the event bus only: {@link #STATUS_ADDRESS},
 * {@link #PUBLISH_ADDRESS}, {@link #BRIDGES_ADDRESS}, {@link #UNASSIGNED_ADDRESS}.
 */
public class MqttIngestVerticle extends VerticleBase {
  public static final String STATUS_ADDRESS = "mqtt.link.status";
  public static final String PUBLISH_ADDRESS = "mqtt.link.publish";
  public static final String BRIDGES_ADDRESS = "ingest.bridges";
  public static final String UNASSIGNED_ADDRESS = "ingest.unassigned";
  /** Readings of paired athletes, as {@link Reading} objects (local delivery). */
  public static final String READINGS_ADDRESS = "readings.decoded";
  /** Pose frames with their paired, consenting people, as {@link IngestOutcome.PoseFrames}. */
  public static final String POSE_ADDRESS = "pose.frames";
  /** The contract's FloorEvent objects (JSON). */
  public static final String FLOOR_EVENTS = "floor.events";
  public static final String PAIRING_SNAPSHOT = "pairing.snapshot";
  public static final String PAIRING_CHANGED = "pairing.changed";
  /** vertx-mqtt silently drops larger messages; pose frames of several people need this much. */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngestVerticle.class);
  /**
   * Raw payloads are decoded on the box that received them, and its own router and journal take
   * them from there: in a cluster, decoded records never go to another member's ingest consumers.
   */
  private static final DeliveryOptions THIS_BOX = new DeliveryOptions().setLocalOnly(true);
  private static final DeliveryOptions JOURNAL = new DeliveryOptions().setSendTimeout(30_000).setLocalOnly(true);

  private final IngestMetrics metrics;
  private MqttIngestOptions options;
  private MqttClient client;
  private Backoff backoff;
  private IngestPipeline pipeline;
  private final PairingCache pairing = new PairingCache();
  private final FloorSources floor = new FloorSources();
  private final RecentKeys recent = new RecentKeys(200_000);
  private final RejectLog rejectLog = new RejectLog(System::currentTimeMillis);
  private boolean stopping;
  private long connectedSince;
  private long reconnectTimer = -1;
  private String lastError;
  private int pending;
  private Promise<Void> drained;

  public MqttIngestVerticle() {
    this(IngestMetrics.NONE);
  }

  public MqttIngestVerticle(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    options = MqttIngestOptions.fromJson(config());
    backoff = new Backoff(options.reconnectBaseMs(), options.reconnectCapMs(), ThreadLocalRandom.current());
    pipeline = new IngestPipeline(new TopicRouter(options.root(), options.theengsTopics()), pairing, metrics);
    LocalCodec.register(vertx, JournalEntry.class);
    LocalCodec.register(vertx, JournalResult.class);
    WireCodecs.register(vertx);
    MqttClientOptions clientOptions = new MqttClientOptions()
        .setClientId(options.clientId())
        .setCleanSession(false)
        .setKeepAliveInterval(options.keepAliveSeconds())
        .setMaxMessageSize(MAX_MESSAGE_BYTES)
        .setWillFlag(true)
        .setWillTopic(options.statusTopic())
        .setWillMessageBytes(Buffer.buffer("offline"))
        .setWillQoS(1)
        .setWillRetain(true)
        .setSsl(options.tls());
    clientOptions.setAutoAck(false);
    if (options.username() != null) {
      clientOptions.setUsername(options.username()).setPassword(options.password());
    }
    client = MqttClient.create(vertx, clientOptions);
    client.closeHandler(v -> onConnectionLost());
    client.publishHandler(this::onMessage);
    vertx.eventBus().<JsonObject>consumer(PAIRING_CHANGED, msg -> pairing.replace(msg.body()));
    // the link, its bridges and its unassigned devices are this box's own (in a cluster every box has its zone's
    // broker), so these addresses answer only this box's verticles
    return Future.all(
            vertx.eventBus().localConsumer(STATUS_ADDRESS, msg -> msg.reply(status())).completion(),
            vertx.eventBus().<JsonObject>localConsumer(PUBLISH_ADDRESS, msg -> publishRequested(msg.body())
                .onComplete(ar -> {
                  if (ar.succeeded()) {
                    msg.reply(null);
                  } else {
                    msg.fail(503, ar.cause().getMessage());
                  }
                })).completion(),
            vertx.eventBus().localConsumer(BRIDGES_ADDRESS, msg -> msg.reply(floor.bridgesJson())).completion(),
            vertx.eventBus().localConsumer(UNASSIGNED_ADDRESS,
                msg -> msg.reply(floor.unassignedJson(System.currentTimeMillis()))).completion())
        // Start does not wait for the broker: the box must come up (and report "not ready") while the
        // broker is still booting or unreachable, then connect as soon as it can. It does wait for the
        // pairing registry, so the first messages are attributed correctly.
        .compose(v -> loadPairing())
        .onSuccess(v -> connect());
  }

  private Future<Void> loadPairing() {
    return vertx.eventBus().<JsonObject>request(PAIRING_SNAPSHOT, null, new DeliveryOptions().setSendTimeout(5000).setLocalOnly(true))
        .map(msg -> {
          pairing.replace(msg.body());
          return (Void) null;
        })
        .recover(err -> {
          // a box without the registry (or a test of ingestion alone) starts with nobody paired
          LOG.warn("event=pairing_snapshot_unavailable error=\"{}\"", err.getMessage());
          return Future.succeededFuture();
        });
  }

  private void connect() {
    if (stopping) {
      return;
    }
    client.connect(options.port(), options.host())
        .compose(ack -> {
          connectedSince = System.currentTimeMillis();
          lastError = null;
          backoff.reset();
          LOG.info("event=mqtt_connected broker={}:{} client_id={} session_present={}", options.host(), options.port(),
              options.clientId(), ack.isSessionPresent());
          return subscribe().compose(v -> publish(options.statusTopic(), Buffer.buffer("online"), 1, true));
        })
        .onFailure(err -> {
          lastError = err.getMessage();
          if (client.isConnected()) {
            client.disconnect();
          } else {
            scheduleReconnect();
          }
        });
  }

  /** Subscribes to every route and waits for the broker's SUBACK (vertx-mqtt completes on write). */
  private Future<Void> subscribe() {
    Map<String, Integer> topics = new HashMap<>();
    pipeline.router().subscriptions().forEach(t -> topics.put(t, 1));
    Promise<Void> acked = Promise.promise();
    client.subscribeCompletionHandler(sub -> acked.tryComplete());
    long guard = vertx.setTimer(10_000, id -> acked.tryFail("no SUBACK within 10 s"));
    return client.subscribe(topics).compose(id -> acked.future()).onComplete(ar -> vertx.cancelTimer(guard));
  }

  private void onConnectionLost() {
    connectedSince = 0;
    if (!stopping) {
      LOG.warn("event=mqtt_connection_lost broker={}:{}", options.host(), options.port());
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (stopping || reconnectTimer != -1) {
      return;
    }
    long delay = backoff.nextDelayMs();
    if (backoff.attempts() == 1 || backoff.attempts() % 10 == 0) {
      LOG.warn("event=mqtt_reconnect_scheduled broker={}:{} attempt={} delay_ms={} error=\"{}\"", options.host(),
          options.port(), backoff.attempts(), delay, lastError);
    }
    reconnectTimer = vertx.setTimer(delay, id -> {
      reconnectTimer = -1;
      connect();
    });
  }

  private void onMessage(MqttPublishMessage msg) {
    if (stopping) {
      return; // not acknowledged: the broker gives it to the next session
    }
    long now = System.currentTimeMillis();
    byte[] payload = msg.payload().getBytes();
    int qos = msg.qosLevel().value();
    IngestOutcome outcome = pipeline.process(msg.topicName(), payload, qos, msg.isDup(), msg.messageId(), now);
    if (outcome instanceof IngestOutcome.Rejected r) {
      metrics.received("rejected");
      reject(r);
      passThrough(msg);
    } else if (outcome instanceof IngestOutcome.BridgeStatus s) {
      metrics.received("status");
      if (floor.bridgeStatus(s.bridgeId(), s.online(), now)) {
        vertx.eventBus().publish(FLOOR_EVENTS, new JsonObject().put("kind", "bridge").put("user_id", null)
            .put("ts", Instant.ofEpochMilli(now).toString()).put("bridge_id", s.bridgeId())
            .put("status", s.online() ? "online" : "offline"));
      }
      passThrough(msg);
    } else if (outcome instanceof IngestOutcome.PoseFrames p) {
      metrics.received("pose");
      floor.bridgeSeen(p.cameraId(), now);
      p.unassignedTracks().forEach(t -> floor.unassigned(p.cameraId() + ":" + t, "camera_track", now, null));
      // a redelivered frame is stale for live coaching, and analysing it twice would count reps twice
      if (!p.people().isEmpty() && !msg.isDup()) {
        vertx.eventBus().publish(POSE_ADDRESS, p, THIS_BOX);
      }
      passThrough(msg);
    } else if (outcome instanceof IngestOutcome.Accepted a) {
      metrics.received("reading");
      accepted(msg, a, now);
    }
  }

  private void accepted(MqttPublishMessage msg, IngestOutcome.Accepted a, long now) {
    floor.bridgeSeen(a.source(), now);
    JournalEntry entry = a.entry();
    if (a.unassigned() != null) {
      floor.unassigned(a.unassigned(), a.unassignedKind(), now, entry.sighting());
    } else if (entry.sighting() != null) {
      floor.assigned(entry.sighting().deviceId());
    }
    if (a.battery() != null && entry.sighting() != null && floor.battery(entry.sighting().deviceId(), a.battery())) {
      vertx.eventBus().publish(FLOOR_EVENTS, new JsonObject().put("kind", "alert").put("alert", "low_battery")
          .put("user_id", entry.readings().isEmpty() ? null : entry.readings().get(0).userId().toString())
          .put("ts", Instant.ofEpochMilli(now).toString()).put("device_id", entry.sighting().deviceId())
          .put("battery", a.battery()));
    }
    boolean forwardNow = !entry.dup() && (entry.key() == null || entry.key().kind() != MessageKey.Kind.TIMESTAMPED
        || recent.add(entry.key()));
    if (forwardNow) {
      forward(entry);
    }
    journal(msg, entry, forwardNow, 0);
  }

  /** Hands the entry to the journal; acknowledges after its commit; retries while the store is away. */
  private void journal(MqttPublishMessage msg, JournalEntry entry, boolean forwarded, int attempt) {
    if (attempt == 0) {
      pending++;
    }
    vertx.eventBus().<JournalResult>request(JournalEntry.ADDRESS, entry, JOURNAL)
        .onSuccess(reply -> {
          if (reply.body().duplicate()) {
            metrics.duplicate();
          } else if (!forwarded) {
            forward(entry);
          }
          ack(msg);
          done();
        })
        .onFailure(err -> {
          if (attempt == 0 || attempt % 20 == 0) {
            LOG.warn("event=journal_unavailable attempt={} error=\"{}\"", attempt + 1, err.getMessage());
          }
          if (stopping) {
            done(); // left unacknowledged: the broker redelivers it to the next session
            return;
          }
          vertx.setTimer(Math.min(5000, 100L << Math.min(attempt, 6)), id -> journal(msg, entry, forwarded, attempt + 1));
        });
  }

  private void done() {
    pending--;
    if (pending == 0 && drained != null) {
      drained.tryComplete();
    }
  }

  private void forward(JournalEntry entry) {
    for (Reading r : entry.readings()) {
      vertx.eventBus().publish(READINGS_ADDRESS, r, THIS_BOX);
    }
  }

  /**
   * A QoS 1 message that stores nothing still passes the journal (see {@link JournalEntry}) before
   * it is acknowledged; a QoS 0 one is simply done.
   */
  private void passThrough(MqttPublishMessage msg) {
    if (msg.qosLevel() == MqttQoS.AT_MOST_ONCE) {
      return;
    }
    journal(msg, new JournalEntry(null, msg.isDup(), msg.messageId(), java.util.List.of(), null), true, 0);
  }

  private void reject(IngestOutcome.Rejected r) {
    metrics.rejected(r.source(), r.reason());
    long suppressed = rejectLog.shouldLog(r.source());
    if (suppressed >= 0) {
      LOG.warn("event=payload_rejected source={} reason={} detail=\"{}\" suppressed_since_last={}", r.source(), r.reason(),
          r.detail().length() > 200 ? r.detail().substring(0, 200) : r.detail(), suppressed);
    }
  }

  private void ack(MqttPublishMessage msg) {
    if (msg.qosLevel() != MqttQoS.AT_MOST_ONCE && client.isConnected()) {
      msg.ack();
    }
  }

  private Future<Void> publishRequested(JsonObject body) {
    return publish(body.getString("topic"), Buffer.buffer(body.getString("payload", "")), body.getInteger("qos", 0),
        body.getBoolean("retain", false));
  }

  private Future<Void> publish(String topic, Buffer payload, int qos, boolean retain) {
    if (!client.isConnected()) {
      return Future.failedFuture("MQTT broker not connected");
    }
    return client.publish(topic, payload, MqttQoS.valueOf(qos), false, retain).mapEmpty();
  }

  private JsonObject status() {
    return new JsonObject()
        .put("connected", client != null && client.isConnected())
        .put("since", connectedSince == 0 ? null : connectedSince)
        .put("broker", options.host() + ":" + options.port())
        .put("client_id", options.clientId())
        .put("reconnect_attempts", backoff.attempts())
        .put("pending", pending)
        .put("last_error", lastError);
  }

  /**
   * An orderly stop: take no new messages, let the journal commit (and so acknowledge) what is in
   * flight, say "offline", disconnect.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    if (reconnectTimer != -1) {
      vertx.cancelTimer(reconnectTimer);
    }
    drained = Promise.promise();
    if (pending == 0) {
      drained.tryComplete();
    }
    long guard = vertx.setTimer(10_000, id -> drained.tryComplete());
    return drained.future()
        .compose(v -> {
          vertx.cancelTimer(guard);
          LOG.info("event=mqtt_ingest_drained pending={}", pending);
          if (!client.isConnected()) {
            return Future.succeededFuture();
          }
          Promise<Void> acked = Promise.promise();
          client.publishCompletionHandler(id -> acked.tryComplete());
          long wait = vertx.setTimer(2000, id -> acked.tryComplete());
          return client.publish(options.statusTopic(), Buffer.buffer("offline"), MqttQoS.AT_LEAST_ONCE, false, true)
              .compose(id -> acked.future())
              .eventually(() -> {
                vertx.cancelTimer(wait);
                return client.disconnect();
              });
        })
        .onComplete(ar -> LOG.info("event=mqtt_disconnected broker={}:{}", options.host(), options.port()));
  }
}
