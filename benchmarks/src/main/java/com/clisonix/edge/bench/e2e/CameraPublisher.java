package com.clisonix.edge.bench.e2e;

import com.clisonix.edge.bench.PoseFrames;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Cameras as the gym has them: each its own account, publishing pose frames of four people at a
 * frame rate with QoS 1. Frames are the pose benchmark's (rounded to four decimals, with world
 * landmarks); each frame's {@code ts} is set to the moment it is sent.
 */
final class CameraPublisher {
  private final Vertx vertx;
  private final int port;
  private final String root;
  private final int cameras;
  private final IntFunction<String> password;
  private final byte[][] frames = PoseFrames.fourPeople(true, true);
  private final List<MqttClient> clients = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong acked = new AtomicLong();

  CameraPublisher(Vertx vertx, int port, String root, int cameras, IntFunction<String> password) {
    this.vertx = vertx;
    this.port = port;
    this.root = root;
    this.cameras = cameras;
    this.password = password;
  }

  int frameBytes() {
    return frames[0].length;
  }

  void start(int fps) {
    for (int c = 1; c <= cameras; c++) {
      String account = OwnMosquitto.camera(c);
      MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId(account + "-" + System.nanoTime())
          .setUsername(account).setPassword(password.apply(c)).setMaxInflightQueue(1000).setMaxMessageSize(2 << 20));
      client.publishCompletionHandler(id -> acked.incrementAndGet());
      Children.await(client.connect(port, "127.0.0.1"), 10_000);
      clients.add(client);
      String topic = root + "/camera/" + account + "/pose";
      int[] next = {c * 7};
      timers.add(vertx.setPeriodic(1000 / fps, t -> {
        if (!client.isConnected()) {
          return;
        }
        String json = new String(frames[next[0]++ % frames.length], StandardCharsets.UTF_8)
            .replaceFirst("\"ts\":\\d+", "\"ts\":" + System.currentTimeMillis());
        sent.incrementAndGet();
        client.publish(topic, Buffer.buffer(json), MqttQoS.AT_LEAST_ONCE, false, false);
      }));
    }
  }

  void stop() {
    timers.forEach(vertx::cancelTimer);
    clients.forEach(MqttClient::disconnect);
    clients.clear();
  }
}
