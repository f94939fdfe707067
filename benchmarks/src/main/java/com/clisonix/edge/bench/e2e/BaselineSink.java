package com.clisonix.edge.bench.e2e;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The three baselines' consumer: one MQTT subscriber on the harness's broker (the gateway's
 * account, QoS 1, the same broker configuration) that either only receives (the broker's own floor),
 * writes with {@code COPY} in batches and acknowledges after the commit (the storage limit of an
 * at-least-once consumer with no processing), or inserts one row per message with autocommit on
 * one connection and lets the client acknowledge on arrival (the bridge a user would script).
 */
final class BaselineSink {
  enum Mode { RECEIVE, COPY, NAIVE }

  /** Payload for baselines: the harness's packet followed by the publish time (8 bytes, nanoTime). */
  static Buffer timed(int athlete, int seq) {
    return Buffer.buffer(HrPackets.packet(seq)).appendLong(System.nanoTime());
  }

  final Latencies latencies = new Latencies();
  final AtomicLong received = new AtomicLong();
  private final AtomicLong receivedEver = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final Mode mode;
  private final OwnPostgres pg;
  private final String db;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "baseline-writer"));
  private final List<MqttPublishMessage> batch = new ArrayList<>();
  private Connection conn;
  private PreparedStatement insert;
  private MqttClient client;
  private Context context;
  private volatile int step;
  private volatile boolean flushing;

  BaselineSink(Mode mode, OwnPostgres pg, String db) {
    this.mode = mode;
    this.pg = pg;
    this.db = db;
  }

  void start(Vertx vertx, int port, String user, String password, String root) throws SQLException {
    if (mode != Mode.RECEIVE) {
      conn = pg.connect(db);
      try (Statement s = conn.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS bench_" + mode.name().toLowerCase() + " (step int NOT NULL, "
            + "device_id text NOT NULL, seq int NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), payload bytea)");
      }
      if (mode == Mode.NAIVE) {
        insert = conn.prepareStatement("INSERT INTO bench_naive (step, device_id, seq, payload) VALUES (?, ?, ?, ?)");
      }
    }
    MqttClientOptions o = new MqttClientOptions().setClientId("baseline-" + mode + "-" + System.nanoTime())
        .setUsername(user).setPassword(password).setCleanSession(true).setMaxMessageSize(2 * 1024 * 1024);
    o.setAutoAck(mode != Mode.COPY);
    context = vertx.getOrCreateContext();
    java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
    context.runOnContext(v -> {
      client = MqttClient.create(vertx, o);
      client.publishHandler(this::onMessage);
      client.subscribeCompletionHandler(ack -> ready.complete(null));
      client.connect(port, "127.0.0.1").compose(c -> client.subscribe(root + "/ble/#", 1))
          .onFailure(ready::completeExceptionally);
    });
    ready.orTimeout(10, TimeUnit.SECONDS).join();
  }

  void step(int n) {
    step = n;
    latencies.clear();
    received.set(0);
  }

  private void onMessage(MqttPublishMessage m) {
    received.incrementAndGet();
    receivedEver.incrementAndGet();
    Buffer p = m.payload();
    if (p.length() >= 12) {
      latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - p.getLong(p.length() - 8)));
    }
    switch (mode) {
      case RECEIVE -> { }
      case NAIVE -> {
        int s = step;
        String device = device(m.topicName());
        int seq = (p.getByte(2) & 0xFF) | (p.getByte(3) & 0xFF) << 8;
        byte[] bytes = p.getBytes();
        queued.incrementAndGet();
        writer.execute(() -> {
          insertOne(s, device, seq, bytes);
          queued.decrementAndGet();
        });
      }
      case COPY -> {
        batch.add(m);
        if (batch.size() >= 2000) {
          flush();
        } else if (batch.size() == 1) {
          context.owner().setTimer(20, t -> flush());
        }
      }
    }
  }

  /** Waits until nothing arrives for a second and nothing waits to be written (at most a minute). */
  void awaitIdle() {
    long deadline = System.currentTimeMillis() + 60_000;
    long last = -1;
    while (System.currentTimeMillis() < deadline) {
      long now = receivedEver.get();
      if (now == last && queued.get() == 0 && batch.isEmpty() && !flushing) {
        return;
      }
      last = now;
      Children.sleep(1000);
    }
  }

  private void flush() {
    if (batch.isEmpty() || flushing) {
      return;
    }
    flushing = true;
    List<MqttPublishMessage> out = new ArrayList<>(batch);
    batch.clear();
    int s = step;
    writer.execute(() -> {
      StringBuilder rows = new StringBuilder(out.size() * 40);
      for (MqttPublishMessage m : out) {
        Buffer p = m.payload();
        int seq = (p.getByte(2) & 0xFF) | (p.getByte(3) & 0xFF) << 8;
        rows.append(s).append('\t').append(device(m.topicName())).append('\t').append(seq).append('\n');
      }
      try {
        ((PGConnection) conn.unwrap(PGConnection.class)).getCopyAPI()
            .copyIn("COPY bench_copy (step, device_id, seq) FROM STDIN", new StringReader(rows.toString()));
      } catch (Exception e) {
        throw new IllegalStateException("COPY failed", e);
      }
      context.runOnContext(v -> {
        out.forEach(MqttPublishMessage::ack);
        flushing = false;
        if (!batch.isEmpty()) {
          flush();
        }
      });
    });
  }

  private void insertOne(int s, String device, int seq, byte[] payload) {
    try {
      insert.setInt(1, s);
      insert.setString(2, device);
      insert.setInt(3, seq);
      insert.setBytes(4, payload);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("INSERT failed", e);
    }
  }

  private static String device(String topic) {
    String[] parts = topic.split("/");
    return parts[parts.length - 2];
  }

  /** Distinct messages of the step stored (for RECEIVE: received), and rows beyond them. */
  long[] stored(int n) {
    if (mode == Mode.RECEIVE) {
      return new long[] {received.get(), 0};
    }
    try (Connection c = pg.connect(db); PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT (device_id, seq)), "
        + "count(*) FROM bench_" + mode.name().toLowerCase() + " WHERE step = ?")) {
      s.setInt(1, n);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new long[] {r.getLong(1), r.getLong(2) - r.getLong(1)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void close() {
    context.runOnContext(v -> client.disconnect());
    writer.shutdownNow();
    try {
      if (conn != null) {
        conn.close();
      }
    } catch (SQLException e) {
      // closing anyway
    }
  }
}
