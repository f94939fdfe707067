package com.clisonix.edge.gateway.pairing;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pairing registry's voice on the event bus. It answers ingestion's snapshot requests,
 * republishes the snapshot whenever pairings or profiles change ({@link #REFRESH}), and ends a
 * machine's pairing when its user's workout ends (contract section 2).
 */
public class PairingVerticle extends VerticleBase {
  /** Request: reload and publish the snapshot; replies once published. */
  public static final String REFRESH = "pairing.refresh";
  private static final Logger LOG = LoggerFactory.getLogger(PairingVerticle.class);

  private PairingRepository pairings;
  private long snapshotsStarted;
  private long snapshotPublished;

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    pairings = new PairingRepository(PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build(), config.encryption().crypto());
    // local: in a gym's cluster the box that ended the workout ends its pairings and announces it, once
    vertx.eventBus().<JsonObject>localConsumer("workout.ended", msg -> {
      UUID user = UUID.fromString(msg.body().getString("user_id"));
      pairings.endMachinePairings(user)
          .compose(ended -> {
            ended.forEach(device -> vertx.eventBus().publish(MqttIngestVerticle.FLOOR_EVENTS, new JsonObject()
                .put("kind", "unpaired").put("user_id", user.toString()).put("ts", Instant.now().toString())
                .put("device_id", device).put("reason", "workout_ended")));
            return ended.isEmpty() ? Future.succeededFuture() : publish();
          })
          .onFailure(err -> LOG.warn("event=machine_unpair_failed user_id={} error=\"{}\"", user, err.getMessage()));
    });
    vertx.eventBus().<JsonObject>consumer("profile.changed", msg -> publish());
    vertx.eventBus().consumer(REFRESH, msg -> publish().onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(null);
      } else {
        msg.fail(500, ar.cause().getMessage());
      }
    }));
    return vertx.eventBus().consumer(MqttIngestVerticle.PAIRING_SNAPSHOT, msg -> pairings.snapshot()
        .onSuccess(msg::reply)
        .onFailure(err -> msg.fail(500, err.getMessage()))).completion();
  }

  /**
   * Reads the registry and hands it to ingestion. Snapshots run concurrently (profile changes and
   * pairing calls each start one) and may finish out of order: one that started before the last
   * published one is older than it and is dropped, or it would undo a pairing just made.
   */
  private Future<Void> publish() {
    long generation = ++snapshotsStarted;
    return pairings.snapshot().map(s -> {
      if (generation > snapshotPublished) {
        snapshotPublished = generation;
        vertx.eventBus().publish(MqttIngestVerticle.PAIRING_CHANGED, s);
      }
      return (Void) null;
    });
  }
}
