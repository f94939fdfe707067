package com.clisonix.edge.gateway.music;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code music_recordings}, and what the music needs to know after a restart. */
public final class MusicRepository {
  private final Pool pool;

  public MusicRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Keeps a finished recording and, for a workout, its time-weighted mean tempo as the workout's
   * {@code adaptive_music_bpm}, in one transaction. The column is the specification's integer, so the
   * mean is rounded to the nearest bpm there; the recording keeps the exact value.
   */
  public Future<Void> save(String kind, UUID ownerId, byte[] midi, double meanBpm, int bars, long durationMs) {
    return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO music_recordings (owner_kind, owner_id, midi, "
            + "mean_bpm, bars, duration_ms) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (owner_kind, owner_id) DO UPDATE "
            + "SET midi = EXCLUDED.midi, mean_bpm = EXCLUDED.mean_bpm, bars = EXCLUDED.bars, "
            + "duration_ms = EXCLUDED.duration_ms, recorded_at = now()")
        .execute(Tuple.of(kind, ownerId, Buffer.buffer(midi), meanBpm, bars, durationMs))
        .compose(r -> "workout".equals(kind)
            ? tx.preparedQuery("UPDATE workouts SET adaptive_music_bpm = $2, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(ownerId, (int) Math.round(meanBpm))).mapEmpty()
            : Future.succeededFuture()));
  }

  /** The stored file of a workout or class. */
  public Future<Optional<byte[]>> midi(String kind, UUID ownerId) {
    return pool.preparedQuery("SELECT midi FROM music_recordings WHERE owner_kind = $1 AND owner_id = $2")
        .execute(Tuple.of(kind, ownerId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(row.getBuffer("midi").getBytes());
        });
  }

  /**
   * The running class and the open workouts, in the shape the music verticle's {@code resume}
   * setting takes, so a restarted box records them again from its first bar.
   */
  public Future<JsonObject> openSessions() {
    Future<JsonObject> cls = pool.query("SELECT id, started_at FROM classes WHERE ended_at IS NULL "
            + "ORDER BY started_at DESC LIMIT 1").execute()
        .map(rows -> rows.size() == 0 ? null : session(rows.iterator().next()));
    Future<JsonArray> workouts = pool.query("SELECT id, started_at FROM workouts WHERE ended_at IS NULL "
            + "ORDER BY started_at").execute()
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(row -> out.add(session(row)));
          return out;
        });
    return Future.all(cls, workouts).map(v -> new JsonObject().put("class", cls.result()).put("workouts", workouts.result()));
  }

  private static JsonObject session(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString())
        .put("started_at", row.getOffsetDateTime("started_at").toInstant().toString());
  }
}
