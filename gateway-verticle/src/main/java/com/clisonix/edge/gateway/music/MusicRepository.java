package com.clisonix.edge.gateway.music;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            : Future.succeededFuture())
        // the file is kept: the recording is no longer open, and bars no open recording needs can go
        .compose(v -> tx.preparedQuery("DELETE FROM music_open_recordings WHERE owner_kind = $1 AND owner_id = $2")
            .execute(Tuple.of(kind, ownerId)))
        .compose(v -> prune(tx)));
  }

  /**
   * Forgets recordings whose workout or class has ended without a stored file (the box was down
   * when it ended), and every bar older than the first bar of the open recordings; the newest bar
   * stays, so bar numbers keep rising across restarts.
   */
  public Future<Void> prune() {
    return pool.withTransaction(this::prune);
  }

  private Future<Void> prune(SqlClient tx) {
    return tx.query("DELETE FROM music_open_recordings o WHERE (o.owner_kind = 'workout' AND NOT EXISTS (SELECT 1 "
            + "FROM workouts w WHERE w.id = o.owner_id AND w.ended_at IS NULL)) OR (o.owner_kind = 'class' AND NOT EXISTS "
            + "(SELECT 1 FROM classes c WHERE c.id = o.owner_id AND c.ended_at IS NULL))").execute()
        .compose(v -> tx.query("DELETE FROM music_bars WHERE seq < COALESCE((SELECT min(first_seq) FROM "
            + "music_open_recordings), (SELECT max(seq) FROM music_bars))").execute())
        .mapEmpty();
  }

  /** Journals a planned bar (its notes follow from seed, index, style and tempo). */
  public Future<Void> journalBar(long seq, long seed, double bpm, String style) {
    return pool.preparedQuery("INSERT INTO music_bars (seq, seed, bpm, style) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (seq) DO UPDATE SET seed = EXCLUDED.seed, bpm = EXCLUDED.bpm, style = EXCLUDED.style, "
            + "planned_at = now()")
        .execute(Tuple.of(seq, seed, bpm, style)).mapEmpty();
  }

  /** Journals the first bar of a recording that has just opened; a repeated open keeps the first. */
  public Future<Void> journalOpen(String kind, UUID ownerId, long firstSeq) {
    return pool.preparedQuery("INSERT INTO music_open_recordings (owner_kind, owner_id, first_seq) VALUES ($1, $2, $3) "
            + "ON CONFLICT (owner_kind, owner_id) DO NOTHING")
        .execute(Tuple.of(kind, ownerId, firstSeq)).mapEmpty();
  }

  /** The coach's saved settings, in the keys the music verticle's configuration takes; empty when none. */
  public Future<Optional<JsonObject>> settings() {
    return pool.query("SELECT mode, style, min_bpm, max_bpm, manual_bpm FROM music_settings WHERE id = 1").execute()
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new JsonObject().put("mode", r.getString("mode")).put("style", r.getString("style"))
              .put("min_bpm", r.getDouble("min_bpm")).put("max_bpm", r.getDouble("max_bpm"))
              .put("bpm", r.getDouble("manual_bpm")));
        });
  }

  /** Keeps the settings in force (as {@link #settings()} returns them) for the next start. */
  public Future<Void> saveSettings(JsonObject s) {
    return pool.preparedQuery("INSERT INTO music_settings (id, mode, style, min_bpm, max_bpm, manual_bpm) "
            + "VALUES (1, $1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET mode = EXCLUDED.mode, "
            + "style = EXCLUDED.style, min_bpm = EXCLUDED.min_bpm, max_bpm = EXCLUDED.max_bpm, "
            + "manual_bpm = EXCLUDED.manual_bpm, updated_at = now()")
        .execute(Tuple.of(s.getString("mode"), s.getString("style"), s.getDouble("min_bpm"), s.getDouble("max_bpm"),
            s.getDouble("bpm")))
        .mapEmpty();
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
   * setting takes: each with the first bar of its recording when one was open, the journaled bars
   * those recordings need, and the next bar number, so a restarted box continues them.
   */
  public Future<JsonObject> openSessions() {
    Future<Map<String, Long>> firstBars = pool.query("SELECT owner_kind, owner_id, first_seq FROM music_open_recordings")
        .execute()
        .map(rows -> {
          Map<String, Long> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getString("owner_kind") + "/" + r.getUUID("owner_id"), r.getLong("first_seq")));
          return out;
        });
    Future<Row> cls = pool.query("SELECT id, started_at FROM classes WHERE ended_at IS NULL "
            + "ORDER BY started_at DESC LIMIT 1").execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    Future<List<Row>> workouts = pool.query("SELECT id, started_at FROM workouts WHERE ended_at IS NULL "
            + "ORDER BY started_at").execute()
        .map(rows -> {
          List<Row> out = new ArrayList<>();
          rows.forEach(out::add);
          return out;
        });
    Future<JsonArray> bars = pool.query("SELECT seq, seed, bpm, style FROM music_bars WHERE seq >= "
            + "(SELECT min(first_seq) FROM music_open_recordings) ORDER BY seq").execute()
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> out.add(new JsonObject().put("seq", r.getLong("seq")).put("seed", r.getLong("seed"))
              .put("bpm", r.getDouble("bpm")).put("style", r.getString("style"))));
          return out;
        });
    Future<Long> nextSeq = pool.query("SELECT COALESCE(max(seq) + 1, 0) AS next FROM music_bars").execute()
        .map(rows -> rows.iterator().next().getLong("next"));
    return Future.all(firstBars, cls, workouts, bars, nextSeq).map(v -> {
      Map<String, Long> first = firstBars.result();
      JsonArray open = new JsonArray();
      workouts.result().forEach(w -> open.add(session("workout", w, first)));
      return new JsonObject()
          .put("class", cls.result() == null ? null : session("class", cls.result(), first))
          .put("workouts", open)
          .put("bars", bars.result())
          .put("next_seq", nextSeq.result());
    });
  }

  private static JsonObject session(String kind, Row row, Map<String, Long> firstBars) {
    UUID id = row.getUUID("id");
    return new JsonObject().put("id", id.toString())
        .put("started_at", row.getOffsetDateTime("started_at").toInstant().toString())
        .put("first_seq", firstBars.get(kind + "/" + id));
  }
}
