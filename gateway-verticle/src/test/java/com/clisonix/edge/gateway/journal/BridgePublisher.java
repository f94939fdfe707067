package com.clisonix.edge.gateway.journal;

import com.clisonix.edge.testing.Credentials;
import com.clisonix.edge.testing.MqttService;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A bridge as the tests drive it: publishes and waits for the broker's PUBACK. */
public final class BridgePublisher implements AutoCloseable {
  private final MqttService mqtt;
  private final MqttClient client;
  private final Map<Integer, Promise<Void>> acks = new ConcurrentHashMap<>();
  /** PUBACKs that came back before publish() told us the packet id. */
  private final java.util.Set<Integer> early = ConcurrentHashMap.newKeySet();

  public BridgePublisher(Vertx vertx, MqttService mqtt, String account) throws Exception {
    this.mqtt = mqtt;
    Credentials c = mqtt.bridge(account);
    client = MqttClient.create(vertx, new MqttClientOptions().setClientId("pub-" + account + "-" + System.nanoTime())
        .setUsername(c.username()).setPassword(c.password()).setMaxInflightQueue(10_000)
        .setMaxMessageSize(256 * 1024));
    client.publishCompletionHandler(id -> {
      Promise<Void> p = acks.remove(id);
      if (p != null) {
        p.tryComplete();
      } else {
        early.add(id);
      }
    });
    connect();
  }

  void connect() throws Exception {
    client.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
  }

  boolean connected() {
    return client.isConnected();
  }

  /** Publishes and completes on PUBACK (QoS 1) or once written (QoS 0). */
  public Future<Void> publish(String topic, byte[] payload, int qos) {
    Promise<Void> acked = Promise.promise();
    return client.publish(topic, Buffer.buffer(payload), MqttQoS.valueOf(qos), false, false).compose(id -> {
      if (qos == 0) {
        return Future.succeededFuture();
      }
      acks.put(id, acked);
      if (early.remove(id)) {
        acks.remove(id);
        acked.tryComplete();
      }
      return acked.future();
    });
  }

  public void publishAndWait(String topic, byte[] payload, int qos) throws Exception {
    publish(topic, payload, qos).await(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (client.isConnected()) {
      client.disconnect().await(5, TimeUnit.SECONDS);
    }
  }
}
