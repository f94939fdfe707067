package com.clisonix.edge.gateway.music;

import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.music.MusicVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the music verticle produces: finished recordings ({@value MusicVerticle#RECORDED}),
 * the file in {@code music_recordings} and, for a workout, its mean tempo on the workout row,
 * answered only after the commit so the music verticle retries what the database did not take;
 * and the bar journal ({@value MusicVerticle#JOURNAL}) that lets a restarted box continue its open
 * recordings. Journal entries are written one after the other, in the order they were sent, so
 * a recording's first bar is never recorded before the bar itself.
 */
public final class MusicStoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MusicStoreVerticle.class);
  /** Bars between two prunes of the journal. */
  static final long PRUNE_EVERY_BARS = 64;

  private MusicRepository music;
  private Future<Void> journalTail = Future.succeededFuture();
  private boolean journalFailing;

  @Override
  public Future<?> start() {
    GatewayConfig config = GatewayConfig.from(config(), config().getBoolean("demo", false));
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
        .connectingTo(config.edgeDb().connectOptions())
        .using(vertx)
        .build();
    music = new MusicRepository(pool);
    return Future.all(
        vertx.eventBus().<JsonObject>localConsumer(MusicVerticle.RECORDED, msg -> {
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
                    String.format(Locale.ROOT, "%.2f", r.getDouble("mean_bpm")));
                msg.reply(null);
              })
              .onFailure(err -> msg.fail(503, err.getMessage()));
        }).completion(),
        vertx.eventBus().<JsonObject>localConsumer(MusicVerticle.JOURNAL, msg -> {
          JsonObject entry = msg.body();
          journalTail = journalTail.transform(ar -> write(entry)).transform(ar -> {
            report(entry, ar.cause());
            return Future.succeededFuture();
          });
        }).completion());
  }

  /** The journal entries already sent are written before the pool goes. */
  @Override
  public Future<?> stop() {
    return journalTail;
  }

  private Future<Void> write(JsonObject e) {
    try {
      if ("bar".equals(e.getString("op"))) {
        long seq = e.getLong("seq");
        Future<Void> written = music.journalBar(seq, e.getLong("seed"), e.getDouble("bpm"), e.getString("style"));
        return seq % PRUNE_EVERY_BARS == 0 ? written.compose(v -> music.prune()) : written;
      }
      if ("open".equals(e.getString("op"))) {
        return music.journalOpen(e.getString("kind"), UUID.fromString(e.getString("id")), e.getLong("first_seq"));
      }
      return Future.failedFuture("unknown journal entry " + e.getString("op"));
    } catch (RuntimeException bad) {
      return Future.failedFuture(bad);
    }
  }

  /**
   * A journal the database does not take costs only the resumption after a crash (the music and
   * the recordings in memory go on), so it is logged when it starts failing and when it recovers,
   * not once per bar.
   */
  private void report(JsonObject entry, Throwable failure) {
    if (failure != null && !journalFailing) {
      journalFailing = true;
      LOG.warn("event=music_journal_failing op={} error=\"{}\" effect=\"open recordings cannot be resumed after a "
          + "restart until it recovers\"", entry.getString("op"), failure.getMessage());
    } else if (failure == null && journalFailing) {
      journalFailing = false;
      LOG.info("event=music_journal_recovered");
    }
  }
}
