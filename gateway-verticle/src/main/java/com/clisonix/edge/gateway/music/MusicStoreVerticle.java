package com.clisonix.edge.gateway.music;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.music.MusicVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recordings the music verticle finishes ({@value MusicVerticle#RECORDED}): the file
 * in {@code music_recordings} and, for a workout, its mean tempo on the workout row. It answers
 * only after the commit, so the music verticle retries what the database did not take.
 */
public final class MusicStoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MusicStoreVerticle.class);

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build();
    MusicRepository music = new MusicRepository(pool);
    return vertx.eventBus().<JsonObject>localConsumer(MusicVerticle.RECORDED, msg -> {
      JsonObject r = msg.body();
      String kind = r.getString("kind");
      UUID id;
      try {
        id = UUID.fromString(r.getString("id"));
      } catch (RuntimeException e) {
        msg.fail(400, "not a recording owner id: " + r.getString("id"));
        return;
      }
      music.save(kind, id, r.getBinary("midi"), r.getDouble("mean_bpm"), r.getInteger("bars"), r.getLong("duration_ms"))
          .onSuccess(v -> {
            LOG.info("event=music_recording_stored kind={} id={} bars={} mean_bpm={}", kind, id, r.getInteger("bars"),
                String.format(java.util.Locale.ROOT, "%.2f", r.getDouble("mean_bpm")));
            msg.reply(null);
          })
          .onFailure(err -> msg.fail(503, err.getMessage()));
    }).completion();
  }
}
