package com.clisonix.edge.bench.e2e;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BLE bridges as the harness plays them: one MQTT connection per bridge account, each publishing
 * QoS 1 heart-rate packets ({@link HrPackets}) for its share of the athletes at a set rate. It
 * remembers which messages the broker acknowledged (PUBACK), so the stored rows can be checked
 * message by message, and when each was published, so a live frame's latency can be worked out.
 * A bridge that loses its broker reconnects every 250 ms, as a real bridge does.
 */
final class LoadPublisher {
  /** What to send for athlete {@code a}'s message {@code seq}; null for the harness's packet. */
  interface Payload {
    Buffer of(int athlete, int seq);
  }

  /** Sequence numbers per athlete that the broker acknowledged in one step. */
  static final class Acked {
    final BitSet[] perAthlete;

    Acked(int athletes) {
      perAthlete = new BitSet[athletes];
      for (int i = 0; i < athletes; i++) {
        perAthlete[i] = new BitSet();
      }
    }

    synchronized void add(int athlete, int seq) {
      perAthlete[athlete].set(seq);
    }

    synchronized long count() {
      long n = 0;
      for (BitSet b : perAthlete) {
        n += b.cardinality();
      }
      return n;
    }
  }

  private final Vertx vertx;
  private final int brokerPort;
  private final String root;
  private final List<String> deviceIds;
  private final int connections;
  private final java.util.function.IntFunction<String> password;
  private final List<Bridge> bridges = new ArrayList<>();
  private final long[][] publishedNanos;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong acked = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong disconnects = new AtomicLong();
  private volatile Acked ackedSeqs;
  private volatile Payload payload;

  LoadPublisher(Vertx vertx, int brokerPort, String root, List<String> deviceIds, int connections,
      java.util.function.IntFunction<String> password) {
    this.vertx = vertx;
    this.brokerPort = brokerPort;
    this.root = root;
    this.deviceIds = deviceIds;
    this.connections = connections;
    this.password = password;
    this.publishedNanos = new long[deviceIds.size()][HrPackets.TAGS];
  }

  void connect() {
    for (int c = 0; c < connections; c++) {
      List<Integer> mine = new ArrayList<>();
      for (int a = c; a < deviceIds.size(); a += connections) {
        mine.add(a);
      }
      Bridge b = new Bridge(c + 1, mine);
      bridges.add(b);
      vertx.deployVerticle(b).await();
    }
  }

  /** Publish time (System.nanoTime) of athlete {@code a}'s latest message with heart-rate tag {@code tag}. */
  long publishedNanos(int a, int tag) {
    return publishedNanos[a][tag];
  }

  int athletes() {
    return deviceIds.size();
  }

  /**
   * Publishes at {@code perSecond} messages per second in total, spread over every athlete in
   * turn, for {@code millis}. Blocks the caller (the
   * harness's main thread), never an event loop.
   *
   * @return the acknowledged sequence numbers of the step
   */
  Acked run(double perSecond, long millis, Payload payload) {
    return run(perSecond, millis, payload, null);
  }

  /**
   * As {@link #run(double, long, Payload)}; with {@code continuing} non-null the sequence numbers
   * go on from the previous call and acknowledgements are added to it (one long step in parts).
   */
  Acked run(double perSecond, long millis, Payload payload, Acked continuing) {
    Acked step = continuing != null ? continuing : new Acked(deviceIds.size());
    // Sequence numbers go on across steps, so a late row of an earlier step can never pass for
    // a message of this one; they restart only before they would outgrow the 16-bit field.
    long perAthlete = (long) (perSecond * millis / 1000 / Math.max(1, deviceIds.size())) + 1000;
    boolean reset = continuing == null && bridges.stream().anyMatch(b -> b.maxSeq() + perAthlete > 65_000);
    this.ackedSeqs = step;
    this.payload = payload;
    List<Future<Void>> done = new ArrayList<>();
    for (Bridge b : bridges) {
      Promise<Void> p = Promise.promise();
      b.context().runOnContext(v -> b.begin(perSecond * b.athletes.size() / deviceIds.size(), millis, reset, p));
      done.add(p.future());
    }
    Children.await(Future.all(done), millis + 60_000);
    // PUBACKs of the last messages
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline && bridges.stream().anyMatch(b -> b.inFlight() > 0)) {
      Children.sleep(20);
    }
    return step;
  }

  void close() {
    for (Bridge b : bridges) {
      b.context().runOnContext(v -> b.client.disconnect());
    }
  }

  private final class Bridge extends VerticleBase {
    final int index;
    final List<Integer> athletes;
    final int[] seq;
    MqttClient client;
    private final Map<Integer, Long> pending = new HashMap<>();
    private final Set<Integer> early = new HashSet<>();
    private long timer = -1;
    private int cursor;
    private volatile int inFlight;

    Bridge(int index, List<Integer> athletes) {
      this.index = index;
      this.athletes = athletes;
      this.seq = new int[athletes.size()];
    }

    io.vertx.core.Context context() {
      return super.context;
    }

    int inFlight() {
      return inFlight;
    }

    int maxSeq() {
      int m = 0;
      for (int v : seq) {
        m = Math.max(m, v);
      }
      return m;
    }

    @Override
    public Future<?> start() {
      String account = OwnMosquitto.bridge(index);
      client = MqttClient.create(vertx, new MqttClientOptions().setClientId(account + "-" + System.nanoTime())
          .setUsername(account).setPassword(password.apply(index)).setMaxInflightQueue(20_000)
          .setMaxMessageSize(2 * 1024 * 1024).setCleanSession(true));
      client.publishCompletionHandler(id -> {
        Long key = pending.remove(id);
        if (key == null) {
          early.add(id);
        } else {
          onAck(key);
        }
      });
      client.closeHandler(v -> {
        disconnects.incrementAndGet();
        pending.clear();
        early.clear();
        inFlight = 0;
        vertx.setTimer(250, t -> reconnect());
      });
      return client.connect(brokerPort, "127.0.0.1");
    }

    private void reconnect() {
      client.connect(brokerPort, "127.0.0.1").onFailure(e -> vertx.setTimer(250, t -> reconnect()));
    }

    private void onAck(long key) {
      inFlight--;
      acked.incrementAndGet();
      Acked step = ackedSeqs;
      if (step != null) {
        step.add((int) (key >>> 32), (int) key);
      }
    }

    void begin(double perSecond, long millis, boolean reset, Promise<Void> done) {
      if (reset) {
        java.util.Arrays.fill(seq, 0);
      }
      long start = System.nanoTime();
      long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
      long[] published = {0};
      timer = vertx.setPeriodic(2, id -> {
        long now = System.nanoTime();
        if (now >= end) {
          vertx.cancelTimer(id);
          done.tryComplete();
          return;
        }
        long due = (long) (perSecond * (now - start) / 1e9) - published[0];
        for (long i = 0; i < due; i++) {
          published[0]++;
          if (!client.isConnected() || inFlight >= 19_000) {
            throttled.incrementAndGet();
            continue;
          }
          publishOne();
        }
      });
    }

    private void publishOne() {
      int slot = cursor;
      cursor = (cursor + 1) % athletes.size();
      int a = athletes.get(slot);
      int s = seq[slot]++;
      Payload p = payload;
      Buffer body = p == null ? Buffer.buffer(HrPackets.packet(s)) : p.of(a, s);
      String topic = root + "/ble/" + OwnMosquitto.bridge(index) + "/" + deviceIds.get(a) + "/2a37";
      long key = ((long) a << 32) | (s & 0xFFFFFFFFL);
      publishedNanos[a][Math.floorMod(s, HrPackets.TAGS)] = System.nanoTime();
      inFlight++;
      sent.incrementAndGet();
      client.publish(topic, body, MqttQoS.AT_LEAST_ONCE, false, false).onComplete(ar -> {
        if (ar.failed()) {
          inFlight--;
          return;
        }
        int id = ar.result();
        if (early.remove(id)) {
          onAck(key);
        } else {
          pending.put(id, key);
        }
      });
    }
  }
}
