package com.clisonix.edge.gateway.workout;

import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code workouts} and {@code exercises}. */
public final class WorkoutRepository {
  private static final String SUMMARY = "id, user_id, class_id, name, workout_type AS type, intensity, started_at, ended_at, "
      + "duration_minutes, total_calories_burned, average_heart_rate, completed";
  private static final String DETAIL = "id, user_id, class_id, name, description, workout_type AS type, intensity, started_at, "
      + "ended_at, duration_minutes, total_calories_burned, average_heart_rate, max_heart_rate, min_heart_rate, "
      + "total_steps, distance_km, elevation_m, mood_before, mood_after, energy_before, energy_after, pain_level, "
      + "adaptive_music_bpm, motivational_cues, form_corrections, ai_feedback, completed, notes, location, "
      + "weather_conditions, effort_points, minutes_high_zone, zone_minutes, trimp, edwards_trimp, hr_max_used, "
      + "created_at, updated_at";
  private static final String EXERCISE = "id, workout_id, name, description, exercise_type AS type, muscle_groups, sets, reps, "
      + "reps_counted, weight_kg, duration_seconds, distance_m, form_score, form_issues, recommended_form_corrections, "
      + "pose_detection_data, audio_coaching, difficulty_rating, started_at, ended_at, created_at";

  /** A new workout's facts. */
  public record NewWorkout(UUID id, UUID userId, UUID classId, String name, String description, String type,
      String intensity, String moodBefore, Integer energyBefore, String location) {}

  /** How a workout ends. */
  public record Ending(String moodAfter, Integer energyAfter, Integer painLevel, String notes, String aiFeedback,
      boolean completed) {}

  private final Pool pool;
  private final StoreCrypto crypto;

  public WorkoutRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }


  public Future<Optional<UUID>> openWorkout(UUID userId) {
    return pool.preparedQuery("SELECT id FROM workouts WHERE user_id = $1 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1")
        .execute(Tuple.of(userId))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getUUID("id")));
  }

  /** The class running now, which a workout started now belongs to. */
  public Future<Optional<UUID>> runningClass() {
    return pool.query("SELECT id FROM classes WHERE ended_at IS NULL ORDER BY started_at DESC LIMIT 1").execute()
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getUUID("id")));
  }

  /**
   * Starts a workout unless the user has one open: the partial unique index makes two concurrent
   * starts impossible, so the caller maps its violation to 409.
   */
  public Future<OffsetDateTime> insert(NewWorkout w) {
    return pool.preparedQuery("INSERT INTO workouts (id, user_id, class_id, name, description, workout_type, intensity, "
            + "started_at, mood_before, energy_before, location) VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10) "
            + "RETURNING started_at")
        .execute(Tuple.from(new Object[] {w.id(), w.userId(), w.classId(), w.name(), w.description(), w.type(), w.intensity(),
            w.moodBefore(), w.energyBefore(), w.location()}))
        .map(r -> r.iterator().next().getOffsetDateTime("started_at"));
  }

  public Future<JsonArray> list(UUID userId, int limit) {
    return pool.preparedQuery("SELECT " + SUMMARY + " FROM workouts WHERE user_id = $1 ORDER BY started_at DESC LIMIT $2")
        .execute(Tuple.of(userId, limit))
        .map(Rows::toJson);
  }

  public Future<Optional<JsonObject>> find(UUID id) {
    return pool.preparedQuery("SELECT " + DETAIL + " FROM workouts WHERE id = $1").execute(Tuple.of(id))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(Rows.toJson(r.iterator().next())));
  }

  public Future<JsonArray> exercises(UUID workoutId) {
    return pool.preparedQuery("SELECT " + EXERCISE + " FROM exercises WHERE workout_id = $1 ORDER BY created_at, id")
        .execute(Tuple.of(workoutId))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(Rows.toJson(r).put("pose_detection_data",
                Rows.decrypted(crypto.cipher(), EncryptedColumn.EXERCISE_POSE_DATA, Rows.bytes(r, "pose_detection_data"))));
          }
          return out;
        });
  }

  /**
   * Ends an open workout in one transaction. Duration comes from its start. With the athlete
   * actor's analysis ({@code analysis}, the {@code athlete.summary} reply) the heart-rate figures,
   * kcal, effort points, zone minutes and TRIMP are the actor's; the camera's counts go to the
   * exercise rows (contract section 3: {@code reps_counted}, form fields, the plank's hold time;
   * a row is added for an exercise the client never created; {@code reps} keeps what the client
   * set); an HRmax raise the workout earned is stored in the profile; and {@code ai_feedback} is
   * the one written from the workout unless the client sent its own. Without an analysis (the
   * gateway restarted, or no actor answered) the heart-rate figures come from the stored readings.
   * Empty when the workout was not open (already ended).
   */
  public Future<Optional<Row>> end(UUID id, Ending e, JsonObject analysis) {
    JsonObject a = analysis == null ? new JsonObject() : analysis;
    return pool.withTransaction(tx -> exerciseResults(tx, id, a.getJsonArray("exercises", new JsonArray()))
        .compose(v -> storedHeartRates(tx, id))
        .compose(hr -> tx.preparedQuery("UPDATE workouts SET ended_at = now(), "
                + "duration_minutes = GREATEST(0, round(extract(epoch FROM now() - started_at) / 60.0))::int, "
                + "average_heart_rate = COALESCE($9, $19, average_heart_rate), "
                + "max_heart_rate = COALESCE($10, $20, max_heart_rate), "
                + "min_heart_rate = COALESCE($11, $21, min_heart_rate), "
                + "total_calories_burned = COALESCE($8, total_calories_burned), "
                + "effort_points = COALESCE($12, effort_points), minutes_high_zone = COALESCE($13, minutes_high_zone), "
                + "zone_minutes = COALESCE($14, zone_minutes), trimp = COALESCE($15, trimp), "
                + "edwards_trimp = COALESCE($16, edwards_trimp), hr_max_used = COALESCE($17, hr_max_used), "
                + "mood_after = COALESCE($2, mood_after), energy_after = COALESCE($3, energy_after), "
                + "pain_level = COALESCE($4, pain_level), notes = COALESCE($5, notes), "
                + "ai_feedback = COALESCE($6, $18, ai_feedback), "
                + "completed = $7, updated_at = now() WHERE id = $1 AND ended_at IS NULL "
                + "RETURNING id, user_id, duration_minutes, ended_at, total_calories_burned, average_heart_rate, "
                + "max_heart_rate, min_heart_rate, effort_points, minutes_high_zone, zone_minutes, trimp, edwards_trimp, "
                + "adaptive_music_bpm, ai_feedback")
            .execute(Tuple.from(new Object[] {id, e.moodAfter(), e.energyAfter(), e.painLevel(), e.notes(),
                e.aiFeedback(), e.completed(), a.getDouble("total_calories_burned"), a.getDouble("average_heart_rate"),
                num(a.getValue("max_heart_rate")), num(a.getValue("min_heart_rate")), a.getDouble("effort_points"),
                a.getDouble("minutes_high_zone"), a.getJsonObject("zone_minutes"), a.getDouble("trimp"),
                a.getDouble("edwards_trimp"), a.getDouble("hr_max"), a.getString("ai_feedback"),
                hr.getCount() == 0 ? null : Math.round(hr.getAverage() * 10.0) / 10.0,
                hr.getCount() == 0 ? null : hr.getMax(), hr.getCount() == 0 ? null : hr.getMin()})))
        .compose(rows -> {
          if (rows.size() == 0) {
            // ended meanwhile by another request: nothing of this one may stay
            return Future.failedFuture(new NotOpen());
          }
          Row row = rows.iterator().next();
          Double raise = a.getDouble("hr_max_raise");
          if (raise == null) {
            return Future.succeededFuture(Optional.of(row));
          }
          return tx.preparedQuery("UPDATE fitness_users SET max_heart_rate = $2, updated_at = now() WHERE id = $1")
              .execute(Tuple.of(row.getUUID("user_id"), raise))
              .map(r -> Optional.of(row));
        }))
        .recover(err -> err instanceof NotOpen ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err));
  }

  /**
   * The heart rates stored since the workout started, opened here: readings are encrypted, so
   * their mean, max and min are computed in Java, never by SQL arithmetic.
   */
  private Future<DoubleSummaryStatistics> storedHeartRates(SqlConnection tx, UUID workoutId) {
    return tx.preparedQuery("SELECT b.value FROM biometric_data b JOIN workouts w ON w.id = $1 AND b.user_id = w.user_id "
            + "WHERE b.biometric_type = 'heart_rate' AND b.measurement_time >= w.started_at AND b.measurement_time <= now()")
        .execute(Tuple.of(workoutId))
        .map(rows -> {
          DoubleSummaryStatistics stats = new DoubleSummaryStatistics();
          for (Row r : rows) {
            stats.accept(crypto.cipher().decryptDouble(EncryptedColumn.READING_VALUE, Rows.bytes(r, "value")));
          }
          return stats;
        });
  }

  /** Rolls the ending transaction back when the workout was not open after all. */
  private static final class NotOpen extends RuntimeException {
    NotOpen() {
      super(null, null, false, false);
    }
  }

  private static Double num(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /** Writes what the camera counted into the workout's exercise rows, matching names through their aliases. */
  private static Future<Void> exerciseResults(SqlConnection tx, UUID workoutId, JsonArray results) {
    if (results.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("SELECT id, name FROM exercises WHERE workout_id = $1 ORDER BY created_at DESC, id")
        .execute(Tuple.of(workoutId))
        .compose(rows -> {
          Map<ExerciseKind, UUID> rowOf = new EnumMap<>(ExerciseKind.class);
          for (Row r : rows) {
            ExerciseKind.fromName(r.getString("name")).ifPresent(k -> rowOf.putIfAbsent(k, r.getUUID("id")));
          }
          Future<Void> chain = Future.succeededFuture();
          for (Object o : results) {
            JsonObject x = (JsonObject) o;
            Optional<ExerciseKind> kind = ExerciseKind.fromName(x.getString("exercise"));
            if (kind.isEmpty()) {
              continue;
            }
            boolean reps = kind.get().countsReps();
            Integer counted = reps ? x.getInteger("reps_counted") : null;
            Integer held = reps ? null : (int) Math.round(x.getDouble("hold_seconds", 0.0));
            Object[] values = {x.getDouble("form_score"), x.getJsonArray("form_issues", new JsonArray()),
                x.getJsonArray("recommended_form_corrections", new JsonArray()), x.getString("audio_coaching")};
            UUID row = rowOf.get(kind.get());
            String sql;
            Tuple t;
            if (row != null) {
              sql = "UPDATE exercises SET reps_counted = COALESCE($2, reps_counted), reps = COALESCE(reps, $2), "
                  + "form_score = COALESCE($3, form_score), form_issues = $4, recommended_form_corrections = $5, "
                  + "audio_coaching = COALESCE($6, audio_coaching), duration_seconds = COALESCE($7, duration_seconds), "
                  + "ended_at = COALESCE(ended_at, now()), updated_at = now() WHERE id = $1";
              t = Tuple.from(new Object[] {row, counted, values[0], values[1], values[2], values[3], held});
            } else {
              sql = "INSERT INTO exercises (id, workout_id, name, exercise_type, reps, reps_counted, form_score, "
                  + "form_issues, recommended_form_corrections, audio_coaching, duration_seconds, started_at, ended_at) "
                  + "SELECT $1, w.id, $3, 'strength', $4, $4, $5, $6, $7, $8, $9, w.started_at, now() "
                  + "FROM workouts w WHERE w.id = $2";
              t = Tuple.from(new Object[] {UUID.randomUUID(), workoutId, kind.get().wireName(), counted, values[0],
                  values[1], values[2], values[3], held});
            }
            chain = chain.compose(v -> tx.preparedQuery(sql).execute(t).mapEmpty());
          }
          return chain;
        });
  }

  /** A new exercise of an open workout; empty when the workout is not open. */
  public Future<Optional<OffsetDateTime>> addExercise(UUID workoutId, UUID id, JsonObject e) {
    return pool.preparedQuery("INSERT INTO exercises (id, workout_id, name, description, exercise_type, muscle_groups, sets, "
            + "reps, weight_kg, duration_seconds, distance_m, difficulty_rating, started_at) "
            + "SELECT $1, w.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() FROM workouts w "
            + "WHERE w.id = $2 AND w.ended_at IS NULL RETURNING started_at")
        .execute(Tuple.from(new Object[] {id, workoutId, e.getString("name"), e.getString("description"),
            e.getString("exercise_type"), e.getJsonArray("muscle_groups", new JsonArray()), e.getInteger("sets"),
            e.getInteger("reps"), e.getDouble("weight_kg"), e.getInteger("duration_seconds"), e.getDouble("distance_m"),
            e.getInteger("difficulty_rating")}))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getOffsetDateTime("started_at")));
  }
}
