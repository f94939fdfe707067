package com.clisonix.edge.gateway.analysis;

import com.clisonix.edge.analysis.session.AthleteSessionVerticle;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Answers the athlete actors' {@code profile.snapshot} requests from the edge store: the profile
 * figures the analysis needs and the athlete's open workout with its class, or null when there is
 * no such profile. The analysis module cannot read the store itself (it sits below the gateway).
 */
public final class ProfileSnapshotVerticle extends VerticleBase {
  private static final String SQL = "SELECT u.id, u.username, u.age, u.gender, u.weight_kg, u.resting_heart_rate, "
      + "u.max_heart_rate, u.camera_enabled, w.id AS open_workout_id, w.class_id AS open_class_id, "
      + "w.started_at AS workout_started_at FROM fitness_users u "
      + "LEFT JOIN workouts w ON w.user_id = u.id AND w.ended_at IS NULL WHERE u.id = $1";

  private Pool pool;

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    pool = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build();
    return vertx.eventBus().<JsonObject>consumer(AthleteSessionVerticle.PROFILE_SNAPSHOT, this::answer).completion();
  }

  private void answer(Message<JsonObject> msg) {
    UUID id;
    try {
      id = UUID.fromString(msg.body().getString("user_id"));
    } catch (RuntimeException e) {
      msg.fail(400, "user_id must be a UUID");
      return;
    }
    pool.preparedQuery(SQL).execute(Tuple.of(id))
        .onSuccess(rows -> msg.reply(rows.size() == 0 ? null : Rows.toJson(rows.iterator().next())))
        .onFailure(err -> msg.fail(503, err.getMessage()));
  }
}
