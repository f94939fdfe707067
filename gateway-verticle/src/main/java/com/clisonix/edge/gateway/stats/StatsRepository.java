package com.clisonix.edge.gateway.stats;

import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code fitness_stats} and {@code user_achievements}, and the workout history they are computed from. */
public final class StatsRepository {
  private final Pool pool;

  public StatsRepository(Pool pool) {
    this.pool = pool;
  }

  /** A user's whole workout history with exercises, as the calculator's input. */
  public Future<List<WorkoutFacts>> history(UUID userId) {
    Future<io.vertx.sqlclient.RowSet<Row>> workouts = pool.preparedQuery("SELECT id, started_at, ended_at, duration_minutes, "
            + "total_calories_burned, average_heart_rate, max_heart_rate, distance_km, total_steps, completed "
            + "FROM workouts WHERE user_id = $1 ORDER BY started_at").execute(Tuple.of(userId));
    Future<io.vertx.sqlclient.RowSet<Row>> exercises = pool.preparedQuery("SELECT e.workout_id, e.name, e.reps, "
            + "e.reps_counted, e.form_score, e.duration_seconds FROM exercises e JOIN workouts w ON w.id = e.workout_id "
            + "WHERE w.user_id = $1").execute(Tuple.of(userId));
    return Future.all(workouts, exercises).map(v -> {
      Map<UUID, List<ExerciseFacts>> byWorkout = new HashMap<>();
      for (Row e : exercises.result()) {
        byWorkout.computeIfAbsent(e.getUUID("workout_id"), k -> new ArrayList<>()).add(new ExerciseFacts(
            e.getString("name"), e.getInteger("reps"), e.getInteger("reps_counted"), e.getDouble("form_score"),
            e.getInteger("duration_seconds")));
      }
      List<WorkoutFacts> out = new ArrayList<>();
      for (Row w : workouts.result()) {
        UUID id = w.getUUID("id");
        out.add(new WorkoutFacts(id, instant(w.getOffsetDateTime("started_at")), instant(w.getOffsetDateTime("ended_at")),
            w.getInteger("duration_minutes"), w.getDouble("total_calories_burned"), w.getDouble("average_heart_rate"),
            w.getDouble("max_heart_rate"), w.getDouble("distance_km"), w.getInteger("total_steps"),
            Boolean.TRUE.equals(w.getBoolean("completed")), byWorkout.getOrDefault(id, List.of())));
      }
      return out;
    });
  }

  public Future<List<UUID>> usersWithWorkouts() {
    return pool.query("SELECT DISTINCT user_id FROM workouts").execute().map(rows -> {
      List<UUID> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getUUID("user_id")));
      return ids;
    });
  }

  public Future<List<Achievement>> achievements(UUID userId) {
    return pool.preparedQuery("SELECT achievement_type, exercise_name, value, unit, workout_id, achieved_at "
            + "FROM user_achievements WHERE user_id = $1").execute(Tuple.of(userId))
        .map(rows -> {
          List<Achievement> out = new ArrayList<>();
          for (Row r : rows) {
            AchievementType.fromWireName(r.getString("achievement_type")).ifPresent(t -> out.add(new Achievement(t,
                r.getString("exercise_name"), r.getDouble("value"), r.getString("unit"), r.getUUID("workout_id"),
                instant(r.getOffsetDateTime("achieved_at")))));
          }
          return out;
        });
  }

  /** Stores the statistics and the new or beaten records in one transaction (upserts keep one row per kind). */
  public Future<Void> save(UUID userId, FitnessStats stats, List<Achievement> changed) {
    return pool.withTransaction(tx -> upsertStats(tx, userId, stats).compose(v -> {
      Future<Void> chain = Future.succeededFuture();
      for (Achievement a : changed) {
        chain = chain.compose(x -> tx.preparedQuery("INSERT INTO user_achievements (id, user_id, achievement_type, "
                + "exercise_name, value, unit, workout_id, achieved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                + "ON CONFLICT (user_id, achievement_type, exercise_name) DO UPDATE SET value = EXCLUDED.value, "
                + "unit = EXCLUDED.unit, workout_id = EXCLUDED.workout_id, achieved_at = EXCLUDED.achieved_at, "
                + "updated_at = now()")
            .execute(Tuple.from(new Object[] {UUID.randomUUID(), userId, a.type().wireName(), a.exerciseName(), a.value(),
                a.unit(), a.workoutId(), odt(a.achievedAt())}))
            .mapEmpty());
      }
      return chain;
    }));
  }

  private static Future<Void> upsertStats(SqlConnection tx, UUID userId, FitnessStats s) {
    return tx.preparedQuery("INSERT INTO fitness_stats (id, user_id, total_workouts, total_workout_hours, "
            + "total_calories_burned, total_distance_km, total_steps, current_workout_streak, longest_workout_streak, "
            + "avg_workout_duration_minutes, avg_heart_rate, avg_calories_per_workout, max_heart_rate_recorded, "
            + "longest_workout_minutes, weekly_improvement_percent, monthly_improvement_percent, form_accuracy_trend, "
            + "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
            + "ON CONFLICT (user_id) DO UPDATE SET total_workouts = EXCLUDED.total_workouts, "
            + "total_workout_hours = EXCLUDED.total_workout_hours, total_calories_burned = EXCLUDED.total_calories_burned, "
            + "total_distance_km = EXCLUDED.total_distance_km, total_steps = EXCLUDED.total_steps, "
            + "current_workout_streak = EXCLUDED.current_workout_streak, "
            + "longest_workout_streak = EXCLUDED.longest_workout_streak, "
            + "avg_workout_duration_minutes = EXCLUDED.avg_workout_duration_minutes, avg_heart_rate = EXCLUDED.avg_heart_rate, "
            + "avg_calories_per_workout = EXCLUDED.avg_calories_per_workout, "
            + "max_heart_rate_recorded = EXCLUDED.max_heart_rate_recorded, "
            + "longest_workout_minutes = EXCLUDED.longest_workout_minutes, "
            + "weekly_improvement_percent = EXCLUDED.weekly_improvement_percent, "
            + "monthly_improvement_percent = EXCLUDED.monthly_improvement_percent, "
            + "form_accuracy_trend = EXCLUDED.form_accuracy_trend, updated_at = EXCLUDED.updated_at")
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), userId, s.totalWorkouts(), s.totalWorkoutHours(),
            s.totalCaloriesBurned(), s.totalDistanceKm(), s.totalSteps(), s.currentWorkoutStreak(),
            s.longestWorkoutStreak(), s.avgWorkoutDurationMinutes(), s.avgHeartRate(), s.avgCaloriesPerWorkout(),
            s.maxHeartRateRecorded(), s.longestWorkoutMinutes(), s.weeklyImprovementPercent(),
            s.monthlyImprovementPercent(), s.formAccuracyTrend(), odt(s.updatedAt())}))
        .mapEmpty();
  }

  /** The stored statistics in the spec's response shape, or empty when none were computed yet. */
  public Future<Optional<JsonObject>> stored(UUID userId) {
    return pool.preparedQuery("SELECT total_workouts, total_workout_hours, total_calories_burned, total_distance_km, "
            + "total_steps, current_workout_streak, longest_workout_streak, avg_workout_duration_minutes, avg_heart_rate, "
            + "avg_calories_per_workout, max_heart_rate_recorded, longest_workout_minutes, weekly_improvement_percent, "
            + "monthly_improvement_percent, form_accuracy_trend, updated_at FROM fitness_stats WHERE user_id = $1")
        .execute(Tuple.of(userId))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(Rows.toJson(r.iterator().next())));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
