package com.clisonix.edge.gateway.stats;

import com.clisonix.edge.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code fitness_stats} and {@code user_achievements} current: every user at a fixed
 * interval (the specification's 30 minutes by default, since streaks and improvement windows move
 * with the calendar), and one user at once when their workout ends. It is the only writer of those
 * tables; others ask it over the event bus.
 */
public class StatsAggregatorVerticle extends VerticleBase {
  /** Request {@code {"user_id"}}: recompute now; replies when stored. */
  public static final String RECOMPUTE = "stats.recompute";
  private static final Logger LOG = LoggerFactory.getLogger(StatsAggregatorVerticle.class);

  private final Clock clock;
  private StatsRepository stats;
  private ZoneId zone;
  private long timer = -1;

  public StatsAggregatorVerticle() {
    this(Clock.systemUTC());
  }

  StatsAggregatorVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    zone = config.gym().timeZone();
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build();
    stats = new StatsRepository(pool);
    long intervalMs = config().getJsonObject("stats", new JsonObject()).getLong("interval_seconds", 1800L) * 1000;
    timer = vertx.setPeriodic(intervalMs, intervalMs, id -> recomputeAll());
    // local: in a gym's cluster the box that ended the workout recomputes it, once, not every box
    vertx.eventBus().<JsonObject>localConsumer("workout.ended", msg -> recompute(uuid(msg.body())));
    return vertx.eventBus().<JsonObject>consumer(RECOMPUTE, msg -> recompute(uuid(msg.body()))
        .onSuccess(v -> msg.reply(new JsonObject().put("user_id", msg.body().getString("user_id"))))
        .onFailure(err -> msg.fail(500, err.getMessage()))).completion();
  }

  private static UUID uuid(JsonObject body) {
    return UUID.fromString(body.getString("user_id"));
  }

  /** One user's statistics and records, from their whole history. */
  public Future<Void> recompute(UUID userId) {
    java.time.Instant now = clock.instant();
    return Future.all(stats.history(userId), stats.achievements(userId))
        .compose(all -> {
          List<WorkoutFacts> history = all.resultAt(0);
          List<Achievement> stored = all.resultAt(1);
          FitnessStats s = FitnessStatsCalculator.compute(history, zone, now);
          List<Achievement> changed = AchievementsCalculator.newOrBeaten(stored,
              AchievementsCalculator.compute(history, zone, now));
          return stats.save(userId, s, changed);
        })
        .onFailure(err -> LOG.warn("event=stats_recompute_failed user_id={} error=\"{}\"", userId, err.getMessage()));
  }

  private void recomputeAll() {
    stats.usersWithWorkouts().compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID id : ids) {
        // one after another: the job must not take the pool away from ingestion
        chain = chain.compose(v -> recompute(id).recover(err -> Future.succeededFuture()));
      }
      return chain.map(ids.size());
    }).onSuccess(n -> LOG.info("event=stats_aggregated users={}", n));
  }

  @Override
  public Future<?> stop() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }
}
