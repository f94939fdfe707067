package com.clisonix.edge.gateway.health;

import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * Asks each dependency, with a short timeout, whether it answers. The edge database and the
 * broker decide readiness; Redis and the cloud database only degrade the box (the contract's
 * section 6), so their probes never fail, they report a state.
 */
public final class DependencyProbes {
  public static final long TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final Pool edge;
  private final Redis redis;
  private final Pool cloud;

  /** @param redis null when none is configured; @param cloud null when replication is off */
  public DependencyProbes(Vertx vertx, Pool edge, Redis redis, Pool cloud) {
    this.vertx = vertx;
    this.edge = edge;
    this.redis = redis;
    this.cloud = cloud;
  }

  public Future<Void> edgeDb() {
    return edge.query("SELECT 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).mapEmpty();
  }

  public Future<Void> mqtt() {
    return vertx.eventBus()
        .<JsonObject>request(MqttIngestVerticle.STATUS_ADDRESS, null, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .compose(msg -> msg.body().getBoolean("connected", false)
            ? Future.succeededFuture()
            : Future.failedFuture("MQTT broker " + msg.body().getString("broker") + " not connected"
                + (msg.body().getString("last_error") == null ? "" : ": " + msg.body().getString("last_error"))));
  }

  /** "up", or "degraded" when Redis is unset or does not answer. */
  public Future<String> redisState() {
    if (redis == null) {
      return Future.succeededFuture("degraded");
    }
    return redis.send(Request.cmd(io.vertx.redis.client.Command.PING))
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> "up")
        .otherwise("degraded");
  }

  /** "off" without a cloud database, else "up" or "down". */
  public Future<String> cloudState() {
    if (cloud == null) {
      return Future.succeededFuture("off");
    }
    return cloud.query("SELECT 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> "up")
        .otherwise("down");
  }
}
