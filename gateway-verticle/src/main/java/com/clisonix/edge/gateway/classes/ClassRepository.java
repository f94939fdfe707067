package com.clisonix.edge.gateway.classes;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The SQL of {@code classes} and of a class's attendance. */
public final class ClassRepository {
  private static final String CLASS = "SELECT id, name, coach_id, started_at, ended_at, summary FROM classes";
  /**
   * Per attendee (a workout of the class, or one overlapping its time), what the store knows:
   * calories, effort points and high-zone minutes of their ended workouts (null while a workout is
   * open), heart rate during the class, reps and mean form score of their exercises.
   */
  private static final String CLASS_AND_ATTENDEES = "WITH c AS (SELECT id, started_at, COALESCE(ended_at, now()) AS until "
      + "  FROM classes WHERE id = $1), "
      + "att AS (SELECT w.* FROM workouts w, c WHERE w.class_id = c.id OR (w.started_at < c.until "
      + "  AND COALESCE(w.ended_at, now()) > c.started_at)) ";
  /** Heart rates are encrypted: the two heart-rate columns are filled in Java from {@link #HEART_RATES}. */
  private static final String ATTENDANCE = CLASS_AND_ATTENDEES
      + "SELECT u.id AS user_id, u.username, sum(att.total_calories_burned) AS calories, "
      + "sum(att.effort_points) AS effort_points, sum(att.minutes_high_zone) AS minutes_high_zone, "
      + "NULL::float8 AS average_heart_rate, NULL::float8 AS max_heart_rate, "
      + "(SELECT sum(COALESCE(e.reps_counted, e.reps)) FROM exercises e WHERE e.workout_id IN "
      + "   (SELECT id FROM att a2 WHERE a2.user_id = u.id)) AS reps, "
      + "(SELECT round(avg(e.form_score)::numeric, 1)::float8 FROM exercises e WHERE e.form_score > 0 AND e.workout_id IN "
      + "   (SELECT id FROM att a3 WHERE a3.user_id = u.id)) AS form_score "
      + "FROM att JOIN fitness_users u ON u.id = att.user_id GROUP BY u.id, u.username ORDER BY lower(u.username)";

  /** The attendees' heart rates during the class, still encrypted. */
  private static final String HEART_RATES = CLASS_AND_ATTENDEES
      + "SELECT b.user_id, b.value FROM biometric_data b, c WHERE b.user_id IN (SELECT user_id FROM att) "
      + "AND b.biometric_type = 'heart_rate' AND b.measurement_time BETWEEN c.started_at AND c.until";

  private final Pool pool;
  private final StoreCrypto crypto;

  public ClassRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  /** Starts a class unless one is running (a box runs one class at a time); empty when one is. */
  public Future<Optional<JsonObject>> start(UUID id, String name, UUID coachId) {
    return pool.withTransaction(tx -> tx.query("LOCK TABLE classes IN SHARE ROW EXCLUSIVE MODE").execute()
        .compose(v -> tx.query("SELECT id FROM classes WHERE ended_at IS NULL LIMIT 1").execute())
        .compose(running -> running.size() > 0
            ? Future.succeededFuture(Optional.<JsonObject>empty())
            : tx.preparedQuery("INSERT INTO classes (id, name, coach_id, started_at) VALUES ($1, $2, $3, now()) "
                    + "RETURNING id, name, coach_id, started_at, ended_at, summary")
                .execute(Tuple.of(id, name, coachId))
                .map(r -> Optional.of(Rows.toJson(r.iterator().next())))));
  }

  public Future<Optional<JsonObject>> find(UUID id) {
    return pool.preparedQuery(CLASS + " WHERE id = $1").execute(Tuple.of(id))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(Rows.toJson(r.iterator().next())));
  }

  public Future<JsonArray> attendance(UUID classId) {
    return attendance(pool, classId);
  }

  private Future<JsonArray> attendance(SqlClient client, UUID classId) {
    return client.preparedQuery(ATTENDANCE).execute(Tuple.of(classId)).map(Rows::toJson)
        .compose(rows -> client.preparedQuery(HEART_RATES).execute(Tuple.of(classId)).map(hr -> {
          Map<UUID, DoubleSummaryStatistics> byUser = new HashMap<>();
          for (Row r : hr) {
            byUser.computeIfAbsent(r.getUUID("user_id"), k -> new DoubleSummaryStatistics())
                .accept(crypto.cipher().decryptDouble(EncryptedColumn.READING_VALUE, Rows.bytes(r, "value")));
          }
          for (Object o : rows) {
            JsonObject a = (JsonObject) o;
            DoubleSummaryStatistics st = byUser.get(UUID.fromString(a.getString("user_id")));
            if (st != null) {
              a.put("average_heart_rate", Math.round(st.getAverage() * 10.0) / 10.0).put("max_heart_rate", st.getMax());
            }
          }
          return rows;
        }));
  }

  /**
   * Ends a running class and keeps its summary, in one transaction so the summary covers exactly
   * the class's time; empty when the class was not running.
   */
  public Future<Optional<JsonObject>> end(UUID id, Function<JsonArray, JsonObject> summarise) {
    return pool.withTransaction(tx -> tx.preparedQuery("UPDATE classes SET ended_at = now(), updated_at = now() "
            + "WHERE id = $1 AND ended_at IS NULL RETURNING id").execute(Tuple.of(id))
        .compose(r -> r.size() == 0
            ? Future.succeededFuture(Optional.<JsonObject>empty())
            : attendance(tx, id).compose(att -> tx.preparedQuery("UPDATE classes SET summary = $2 WHERE id = $1 "
                    + "RETURNING id, name, coach_id, started_at, ended_at, summary")
                .execute(Tuple.of(id, summarise.apply(att)))
                .map(rows -> Optional.of(Rows.toJson(rows.iterator().next()))))));
  }
}
