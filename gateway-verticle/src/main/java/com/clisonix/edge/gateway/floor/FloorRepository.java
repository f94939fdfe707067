package com.clisonix.edge.gateway.floor;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL behind the live views: who is active (an open workout, or a reading in the last 60 s),
 * their profile facts and latest heart rate, the running class, devices seen but not paired.
 */
public final class FloorRepository {
  private static final String ATHLETE = "SELECT u.id AS user_id, u.username, u.age, u.gender, u.resting_heart_rate, "
      + "u.max_heart_rate, w.id AS workout_id, w.class_id, hr.value AS heart_rate, hr.measurement_time AS hr_time, "
      + "last.measurement_time AS last_reading "
      + "FROM fitness_users u "
      + "LEFT JOIN workouts w ON w.user_id = u.id AND w.ended_at IS NULL "
      + "LEFT JOIN LATERAL (SELECT value, measurement_time FROM biometric_data b WHERE b.user_id = u.id "
      + "  AND b.biometric_type = 'heart_rate' AND b.measurement_time > now() - interval '60 seconds' "
      + "  ORDER BY measurement_time DESC LIMIT 1) hr ON true "
      + "LEFT JOIN LATERAL (SELECT measurement_time FROM biometric_data b WHERE b.user_id = u.id "
      + "  ORDER BY measurement_time DESC LIMIT 1) last ON true ";

  private final Pool pool;
  private final StoreCrypto crypto;

  public FloorRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  public Future<Optional<JsonObject>> athlete(UUID userId) {
    return pool.preparedQuery(ATHLETE + "WHERE u.id = $1").execute(Tuple.of(userId))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(athlete(r.iterator().next())));
  }

  public Future<JsonArray> activeAthletes() {
    return pool.query(ATHLETE + "WHERE w.id IS NOT NULL OR EXISTS (SELECT 1 FROM biometric_data b WHERE b.user_id = u.id "
            + "AND b.measurement_time > now() - interval '60 seconds') ORDER BY lower(u.username)")
        .execute()
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(r -> out.add(athlete(r)));
          return out;
        });
  }

  /** The latest heart rate is stored encrypted: it is opened here, never compared or computed in SQL. */
  private JsonObject athlete(Row row) {
    return Rows.toJson(row)
        .put("heart_rate", crypto.cipher().decryptDouble(EncryptedColumn.READING_VALUE, Rows.bytes(row, "heart_rate")));
  }

  public Future<Optional<JsonObject>> runningClass() {
    return pool.query("SELECT id, name, coach_id, started_at, ended_at FROM classes WHERE ended_at IS NULL "
            + "ORDER BY started_at DESC LIMIT 1").execute()
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(Rows.toJson(r.iterator().next())));
  }

}
