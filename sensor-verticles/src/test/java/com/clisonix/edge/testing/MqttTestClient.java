package com.clisonix.edge.testing;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttConnAckMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubAckMessage;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A vertx-mqtt client pinned to one event-loop context, for broker tests: every call runs on
 * that context (the client is not meant to be driven from other threads), received messages
 * are collected, and SUBACK and PUBACK are waited for where vertx-mqtt's own futures only say
 * that a packet was written.
 */
final class MqttTestClient {

  private static final long TIMEOUT_SECONDS = 15;

  private final Context context;
  private final MqttClient client;
  private final Queue<MqttPublishMessage> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger publishAcks = new AtomicInteger();
  private volatile Promise<MqttSubAckMessage> subAck;
  private volatile Consumer<MqttPublishMessage> onMessage = message -> { };

  private MqttTestClient(Vertx vertx, MqttClientOptions options) {
    this.context = vertx.getOrCreateContext();
    this.client = MqttClient.create(vertx, options);
    client.publishHandler(message -> {
      received.add(message);
      onMessage.accept(message);
    });
    client.subscribeCompletionHandler(ack -> {
      Promise<MqttSubAckMessage> waiting = subAck;
      if (waiting != null) {
        waiting.tryComplete(ack);
      }
    });
    client.publishCompletionHandler(id -> publishAcks.incrementAndGet());
  }

  /** Options with the account and a client id; the caller may adjust them before connecting. */
  static MqttClientOptions options(Credentials account, String clientId) {
    MqttClientOptions options = new MqttClientOptions().setClientId(clientId);
    if (account != null) {
      options.setUsername(account.username()).setPassword(account.password());
    }
    return options;
  }

  static MqttTestClient create(Vertx vertx, MqttClientOptions options) {
    return new MqttTestClient(vertx, options);
  }

  /** Connects and returns the CONNACK; fails when the broker refuses the connection. */
  MqttConnAckMessage connect(MqttService broker) throws Exception {
    return call(() -> client.connect(broker.port(), broker.host()));
  }

  /** The connection attempt's failure, or {@code null} if the broker accepted it. */
  Throwable connectFailure(MqttService broker) throws Exception {
    return call(() -> client.connect(broker.port(), broker.host())
        .transform(result -> Future.succeededFuture(result.cause())));
  }

  /** Subscribes and returns the QoS levels the broker granted, once its SUBACK arrived. */
  List<Integer> subscribe(String filter, int qos) throws Exception {
    return subscribe(filter, qos, Duration.ofSeconds(TIMEOUT_SECONDS));
  }

  /**
   * As {@link #subscribe(String, int)}, waiting at most {@code timeout} for the SUBACK.
   *
   * @throws TimeoutException when the broker did not answer in time
   */
  List<Integer> subscribe(String filter, int qos, Duration timeout) throws Exception {
    Promise<MqttSubAckMessage> promise = Promise.promise();
    subAck = promise;
    call(() -> client.subscribe(filter, qos).compose(id -> promise.future()), timeout);
    return promise.future().result().grantedQoSLevels();
  }

  /** Sends one message; the returned future completes when it is written, not acknowledged. */
  void publish(String topic, Buffer payload, MqttQoS qos) throws Exception {
    call(() -> client.publish(topic, payload, qos, false, false));
  }

  /** Sends many QoS 1 messages at once from the client's context; count PUBACKs with {@link #publishAcks()}. */
  void publishAll(List<String> topics, List<Buffer> payloads) throws Exception {
    call(() -> {
      for (int i = 0; i < topics.size(); i++) {
        client.publish(topics.get(i), payloads.get(i), MqttQoS.AT_LEAST_ONCE, false, false);
      }
      return Future.succeededFuture();
    });
  }

  /** PUBACKs (QoS 1 completions) received so far. */
  int publishAcks() {
    return publishAcks.get();
  }

  Queue<MqttPublishMessage> received() {
    return received;
  }

  /** Runs for each message on the client's context, after it was added to {@link #received()}. */
  void onMessage(Consumer<MqttPublishMessage> handler) {
    this.onMessage = handler;
  }

  Context context() {
    return context;
  }

  void disconnect() throws Exception {
    call(() -> client.isConnected() ? client.disconnect() : Future.succeededFuture());
  }

  private <T> T call(Supplier<Future<T>> action) throws Exception {
    return call(action, Duration.ofSeconds(TIMEOUT_SECONDS));
  }

  private <T> T call(Supplier<Future<T>> action, Duration timeout) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
