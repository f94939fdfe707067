package com.clisonix.edge.sensor.sim;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link FloorSimulator} to an MQTT broker in real time (or faster, by {@code rate}), for
 * the demo, ingestion tests and load runs. Options: {@link FloorSimulatorOptions}.
 *
 * <p>Each bridge or camera with an account of its own gets its own connection, as on a real
 * floor (and as the gym's ACL requires); a bridge's connection leaves a retained
 * {@code offline} as its last will. A periodic timer asks the simulator for the messages due.
 * Back-pressure: at most {@code max_in_flight} messages are outstanding (QoS 1: until the
 * PUBACK; QoS 0: until written), and the simulator is asked for no more than the free room, so
 * a slow broker makes the simulated floor fall behind ({@code lag_ms} in the status) instead of
 * filling memory. Messages for a connection that is down are dropped and counted, as a bridge
 * out of reach loses its notifications; connections come back with backoff.
 *
 * <p>{@link #STATUS_ADDRESS} (or {@code status_address}) answers with the counters. On stop, every
 * bridge says {@code offline} (retained, waited for at most 2 s) and the connections close.
 */
public class FloorSimulatorVerticle extends VerticleBase {
  public static final String STATUS_ADDRESS = "sim.status";
  private static final Logger LOG = LoggerFactory.getLogger(FloorSimulatorVerticle.class);
  private static final String SHARED = "";
  /** vertx-mqtt drops incoming messages above its default 8 KiB; pose frames of a busy camera exceed it. */
  static final int MAX_MESSAGE_SIZE = 262_144;

  private FloorSimulatorOptions options;
  private FloorSimulator sim;
  private final Map<String, Link> links = new LinkedHashMap<>();
  private long timer = -1;
  private long realStart;
  private long simStart;
  private boolean stopping;
  private int inFlight;
  private long published;
  private long acknowledged;
  private long droppedOffline;
  private long expired;
  private long lost;
  private long failed;
  private long stalledTicks;
  private boolean pumpScheduled;

  @Override
  public Future<?> start() {
    options = FloorSimulatorOptions.fromJson(config());
    sim = new FloorSimulator(options.spec());
    SimulationSpec spec = options.spec();
    boolean shared = false;
    for (String id : sources(spec)) {
      FloorSimulatorOptions.Account account = options.accounts().get(id);
      if (account != null) {
        boolean bridge = spec.bridgeIds().contains(id);
        links.put(id, new Link(id, account.username(), account.password(), bridge ? List.of(id) : List.of()));
      } else {
        shared = true;
      }
    }
    if (shared) {
      links.put(SHARED, new Link(SHARED, options.username(), options.password(), List.of()));
    }
    MessageConsumer<JsonObject> status = vertx.eventBus().consumer(options.statusAddress(), msg -> msg.reply(status()));
    List<Future<?>> connects = new ArrayList<>();
    for (Link l : links.values()) {
      connects.add(l.connect());
    }
    // Start fails when a broker account is refused or the broker is unreachable: a simulator that
    // silently publishes nothing would make a demo or a load run look like a gateway fault.
    return status.completion()
        .compose(v -> Future.all(connects))
        .onSuccess(v -> {
          realStart = System.currentTimeMillis();
          simStart = spec.startMs() != null ? spec.startMs() : realStart;
          timer = vertx.setPeriodic(options.tickMs(), id -> tick());
          LOG.info("event=sim_started athletes={} bridges={} cameras={} connections={} rate={} root={}",
              spec.athletes(), spec.bridgeIds().size(), spec.cameraIds().size(), links.size(), options.rate(),
              spec.topicRoot());
        })
        .onFailure(err -> {
          // A failed start is never stopped: close the connections that did come up ourselves.
          stopping = true;
          links.values().forEach(Link::close);
        });
  }

  private static List<String> sources(SimulationSpec spec) {
    List<String> ids = new ArrayList<>(spec.bridgeIds());
    ids.addAll(spec.cameraIds());
    return ids;
  }

  private void tick() {
    if (stopping) {
      return;
    }
    if (inFlight >= options.maxInFlight()) {
      stalledTicks++;
      return;
    }
    pump();
  }

  /**
   * Called as acknowledgements free the window: waiting for the next tick would cap throughput
   * at one window per tick however fast the broker answers.
   */
  private void settled() {
    inFlight--;
    if (!pumpScheduled && !stopping && timer != -1 && inFlight <= options.maxInFlight() / 2) {
      pumpScheduled = true;
      context.runOnContext(v -> {
        pumpScheduled = false;
        if (!stopping) {
          pump();
        }
      });
    }
  }

  private void pump() {
    long now = System.currentTimeMillis();
    long simNow = simStart + (long) ((now - realStart) * options.rate());
    int room = options.maxInFlight() - inFlight;
    if (room <= 0) {
      return;
    }
    for (SimMessage m : sim.next(simNow, room)) {
      send(m);
    }
  }

  private void send(SimMessage m) {
    Link link = route(m.topic());
    if (link == null || !link.connected) {
      droppedOffline++;
      return;
    }
    link.publish(m.topic(), m.payload(), m.qos(), m.retain());
  }

  /** The connection of the bridge or camera a topic belongs to: {@code {root}/ble|camera/{id}/...}. */
  private Link route(String topic) {
    String rest = topic.substring(options.spec().topicRoot().length() + 1);
    int a = rest.indexOf('/');
    int b = rest.indexOf('/', a + 1);
    String id = b < 0 ? rest.substring(a + 1) : rest.substring(a + 1, b);
    Link own = links.get(id);
    return own != null ? own : links.get(SHARED);
  }

  private JsonObject status() {
    long now = System.currentTimeMillis();
    int connected = 0;
    for (Link l : links.values()) {
      connected += l.connected ? 1 : 0;
    }
    long simNow = simStart + (long) ((now - realStart) * options.rate());
    SimulationTruth truth = sim.truth();
    return new JsonObject()
        .put("running", timer != -1 && !stopping)
        .put("published", published)
        .put("acknowledged", acknowledged)
        .put("in_flight", inFlight)
        .put("max_in_flight", options.maxInFlight())
        .put("dropped_offline", droppedOffline)
        .put("expired", expired)
        .put("lost", lost)
        .put("failed", failed)
        .put("stalled_ticks", stalledTicks)
        .put("lag_ms", timer == -1 ? 0 : sim.lagMs(simNow))
        .put("generated", truth.messages())
        .put("by_kind", new JsonObject(new LinkedHashMap<>(truth.messagesByKind())))
        .put("connections", links.size())
        .put("connected", connected)
        .put("athletes", options.spec().athletes())
        .put("rate", options.rate());
  }

  /** The simulator behind this verticle, for tests that compare what arrived with the truth. */
  public FloorSimulator simulator() {
    return sim;
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (timer != -1) {
      vertx.cancelTimer(timer);
    }
    List<Future<?>> goodbyes = new ArrayList<>();
    for (SimMessage m : sim.bridgesOffline()) {
      Link link = route(m.topic());
      if (link != null && link.connected) {
        goodbyes.add(link.publishAndWait(m.topic(), m.payload()));
      }
    }
    List<Future<?>> closes = new ArrayList<>();
    return Future.join(goodbyes).transform(ignored -> {
      for (Link l : links.values()) {
        closes.add(l.close());
      }
      return Future.join(closes);
    }).onComplete(ar -> LOG.info("event=sim_stopped published={} acknowledged={} dropped_offline={} lost={}",
        published, acknowledged, droppedOffline, lost));
  }

  /**
   * One broker connection (a bridge's, a camera's, or the shared one). vertx-mqtt neither
   * reconnects nor forgets in-flight packet ids across connections, so every attempt uses a new
   * client; what was in flight on a lost connection is counted as lost.
   */
  private final class Link {
    private final String id;
    private final String username;
    private final String password;
    private final List<String> bridges;
    private final Set<Integer> outstanding = new HashSet<>();
    private final Set<Integer> earlyAcks = new HashSet<>();
    private MqttClient client;
    private boolean connected;
    private boolean everConnected;
    private long backoffMs = 500;
    private Promise<Void> goodbye;

    Link(String id, String username, String password, List<String> bridges) {
      this.id = id;
      this.username = username;
      this.password = password;
      this.bridges = bridges;
    }

    Future<Void> connect() {
      String clientId = id.isEmpty() ? options.clientId() : options.clientId() + "-" + id;
      MqttClientOptions o = new MqttClientOptions()
          .setClientId(clientId)
          .setCleanSession(true)
          .setMaxMessageSize(MAX_MESSAGE_SIZE)
          .setMaxInflightQueue(options.maxInFlight() + 8)
          .setAckTimeout(options.ackTimeoutSeconds())
          .setSsl(options.tls());
      if (username != null) {
        o.setUsername(username).setPassword(password);
      }
      if (bridges.size() == 1) {
        o.setWillFlag(true).setWillTopic(sim.statusTopic(bridges.get(0))).setWillMessageBytes(Buffer.buffer("offline"))
            .setWillQoS(1).setWillRetain(true);
      }
      MqttClient c = MqttClient.create(vertx, o);
      client = c;
      c.publishCompletionHandler(this::acked);
      c.publishCompletionExpirationHandler(pid -> {
        if (outstanding.remove(pid)) {
          expired++;
          settled();
        }
      });
      c.closeHandler(v -> onClosed(c));
      return c.connect(options.port(), options.host()).compose(ack -> {
        connected = true;
        backoffMs = 500;
        if (everConnected) {
          // The will said "offline" while we were away; say "online" again.
          for (String bridge : bridges) {
            publish(sim.statusTopic(bridge), "online".getBytes(), 1, true);
          }
        }
        everConnected = true;
        return Future.<Void>succeededFuture();
      }).recover(err -> Future.failedFuture(new IllegalStateException("MQTT connection "
          + (id.isEmpty() ? "(shared)" : id) + " as " + username + " to " + options.host() + ":" + options.port()
          + " failed: " + err.getMessage(), err)));
    }

    void publish(String topic, byte[] payload, int qos, boolean retain) {
      inFlight++;
      published++;
      client.publish(topic, Buffer.buffer(payload), MqttQoS.valueOf(qos), false, retain).onComplete(ar -> {
        if (ar.failed()) {
          failed++;
          settled();
        } else if (qos == 0) {
          acknowledged++;
          settled();
        } else if (!earlyAcks.remove(ar.result())) {
          outstanding.add(ar.result());
        } else {
          acknowledged++;
          settled();
        }
      });
    }

    private void acked(int packetId) {
      if (outstanding.remove(packetId)) {
        acknowledged++;
        settled();
      } else {
        // The PUBACK was handled before the write completion: settle it there.
        earlyAcks.add(packetId);
      }
      if (goodbye != null && outstanding.isEmpty()) {
        goodbye.tryComplete();
      }
    }

    /** Publishes a retained QoS 1 status and completes once everything outstanding is acknowledged, or after 2 s. */
    Future<Void> publishAndWait(String topic, byte[] payload) {
      if (goodbye == null) {
        goodbye = Promise.promise();
        vertx.setTimer(2000, t -> goodbye.tryComplete());
      }
      publish(topic, payload, 1, true);
      return goodbye.future();
    }

    private void onClosed(MqttClient c) {
      if (c != client) {
        return;
      }
      connected = false;
      inFlight -= outstanding.size();
      lost += outstanding.size();
      outstanding.clear();
      earlyAcks.clear();
      if (goodbye != null) {
        goodbye.tryComplete();
      }
      if (stopping) {
        return;
      }
      long delay = backoffMs;
      backoffMs = Math.min(30_000, backoffMs * 2);
      LOG.warn("event=sim_connection_lost connection={} retry_in_ms={}", id.isEmpty() ? "shared" : id, delay);
      vertx.setTimer(delay, t -> retry());
    }

    private void retry() {
      if (stopping) {
        return;
      }
      connect().onFailure(err -> {
        long delay = backoffMs;
        backoffMs = Math.min(30_000, backoffMs * 2);
        vertx.setTimer(delay, t -> retry());
      });
    }

    Future<Void> close() {
      if (client == null || !client.isConnected()) {
        return Future.succeededFuture();
      }
      return client.disconnect();
    }
  }
}
