package com.clisonix.edge.sensor.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the box's one MQTT session. vertx-mqtt does not reconnect by itself, so this verticle
 * does, with jittered exponential backoff, and keeps the session persistent (clean session off,
 * fixed client id) so the broker queues QoS 1 messages while the box is away. It announces the
 * gateway as {@code online} (retained) and leaves {@code offline} as its last will; on an orderly
 * stop it publishes {@code offline} itself, because a clean disconnect suppresses the will.
 *
 * <p>Others reach it only through the event bus: {@link #STATUS_ADDRESS} answers whether the
 * link is up, {@link #PUBLISH_ADDRESS} publishes {@code {"topic","payload","qos","retain"}}.
 */
public class MqttLinkVerticle extends VerticleBase {
  public static final String STATUS_ADDRESS = "mqtt.link.status";
  public static final String PUBLISH_ADDRESS = "mqtt.link.publish";
  private static final Logger LOG = LoggerFactory.getLogger(MqttLinkVerticle.class);

  private MqttLinkOptions options;
  private MqttClient client;
  private Backoff backoff;
  private boolean stopping;
  private long connectedSince;
  private long reconnectTimer = -1;
  private String lastError;

  @Override
  public Future<?> start() {
    options = MqttLinkOptions.fromJson(config());
    backoff = new Backoff(options.reconnectBaseMs(), options.reconnectCapMs(), ThreadLocalRandom.current());
    MqttClientOptions clientOptions = new MqttClientOptions()
        .setClientId(options.clientId())
        .setCleanSession(false)
        .setKeepAliveInterval(options.keepAliveSeconds())
        .setWillFlag(true)
        .setWillTopic(options.statusTopic())
        .setWillMessageBytes(Buffer.buffer("offline"))
        .setWillQoS(1)
        .setWillRetain(true)
        .setSsl(options.tls());
    if (options.username() != null) {
      clientOptions.setUsername(options.username()).setPassword(options.password());
    }
    client = MqttClient.create(vertx, clientOptions);
    client.closeHandler(v -> onConnectionLost());
    MessageConsumer<JsonObject> status = vertx.eventBus().consumer(STATUS_ADDRESS, msg -> msg.reply(status()));
    MessageConsumer<JsonObject> publish = vertx.eventBus().consumer(PUBLISH_ADDRESS, msg -> {
      JsonObject body = msg.body();
      publish(body.getString("topic"), Buffer.buffer(body.getString("payload", "")),
          body.getInteger("qos", 0), body.getBoolean("retain", false))
          .onComplete(ar -> {
            if (ar.succeeded()) {
              msg.reply(null);
            } else {
              msg.fail(503, ar.cause().getMessage());
            }
          });
    });
    // Start does not wait for the broker: the box must come up (and report "not ready") while
    // the broker is still booting or unreachable, then connect as soon as it can.
    return status.completion().compose(v -> publish.completion()).onSuccess(v -> connect());
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
          return publish(options.statusTopic(), Buffer.buffer("online"), 1, true);
        })
        .onFailure(err -> {
          lastError = err.getMessage();
          scheduleReconnect();
        });
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
        .put("last_error", lastError);
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (reconnectTimer != -1) {
      vertx.cancelTimer(reconnectTimer);
    }
    if (!client.isConnected()) {
      return Future.succeededFuture();
    }
    // Say goodbye before leaving: retained "offline" with QoS 1, acknowledged or not within 2 s.
    Promise<Void> acked = Promise.promise();
    client.publishCompletionHandler(id -> acked.tryComplete());
    long guard = vertx.setTimer(2000, id -> acked.tryComplete());
    return client.publish(options.statusTopic(), Buffer.buffer("offline"), MqttQoS.AT_LEAST_ONCE, false, true)
        .compose(id -> acked.future())
        .eventually(() -> {
          vertx.cancelTimer(guard);
          return client.disconnect();
        })
        .onComplete(ar -> LOG.info("event=mqtt_disconnected broker={}:{}", options.host(), options.port()));
  }
}
