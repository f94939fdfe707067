package com.clisonix.edge.bench.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A coach's dashboard on {@code /fitness/live/ws}: for every metrics frame, the time from the
 * publish of the reading it shows (named by its heart-rate tag, see {@link HrPackets}) to the
 * frame's arrival. Only frames of readings published at most {@link #LEADING_EDGE_MAX_MS} before
 * count: a frame that shows an older reading is a coalesced (trailing) emission, not the leading
 * edge the contract's latency is measured on.
 */
final class LiveSocket {
  static final long LEADING_EDGE_MAX_MS = 1000;

  final Latencies latencies = new Latencies();
  final AtomicLong frames = new AtomicLong();
  final AtomicLong trailing = new AtomicLong();
  private final Map<String, Integer> athleteOfUser = new HashMap<>();
  private volatile LoadPublisher publisher;
  private WebSocket socket;

  LiveSocket(List<UUID> users) {
    for (int i = 0; i < users.size(); i++) {
      athleteOfUser.put(users.get(i).toString(), i);
    }
  }

  void measure(LoadPublisher p) {
    latencies.clear();
    frames.set(0);
    trailing.set(0);
    this.publisher = p;
  }

  void open(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient();
    socket = Children.await(client.connect(port, "127.0.0.1", "/fitness/live/ws"), 10_000);
    socket.textMessageHandler(this::onFrame);
    Children.await(socket.writeTextMessage(new JsonObject().put("token", token).encode()), 10_000);
  }

  private void onFrame(String text) {
    long now = System.nanoTime();
    JsonObject f = new JsonObject(text);
    if (!"metrics".equals(f.getString("type"))) {
      return;
    }
    frames.incrementAndGet();
    LoadPublisher p = publisher;
    JsonObject d = f.getJsonObject("data");
    Integer a = athleteOfUser.get(d.getString("user_id"));
    Integer hr = d.getInteger("heart_rate");
    if (p == null || a == null || hr == null || HrPackets.tagOf(hr) < 0) {
      return;
    }
    long sent = p.publishedNanos(a, HrPackets.tagOf(hr));
    long micros = TimeUnit.NANOSECONDS.toMicros(now - sent);
    if (sent == 0 || micros > LEADING_EDGE_MAX_MS * 1000 || micros < 0) {
      trailing.incrementAndGet();
      return;
    }
    latencies.add(micros);
  }

  void close() {
    if (socket != null) {
      socket.close();
    }
  }
}
