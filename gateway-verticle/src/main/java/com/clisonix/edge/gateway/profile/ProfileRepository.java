package com.clisonix.edge.gateway.profile;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code fitness_users} (and the account that lets a profile log in). Column names come
 * only from {@link ProfileFields#COLUMNS}, never from a request.
 */
public final class ProfileRepository {
  private static final String SELECT = "SELECT u.id, u.user_id, u.username, u.email, u.age, u.gender, u.height_cm, "
      + "u.weight_kg, u.fitness_level, u.primary_goal, u.secondary_goals, u.resting_heart_rate, u.max_heart_rate, "
      + "u.vo2_max, u.preferred_workout_time, u.preferred_intensity, u.workout_duration_minutes, u.workouts_per_week, "
      + "u.linked_wearables, u.camera_enabled, u.microphone_enabled, u.created_at, u.updated_at, u.last_login, "
      + "u.active, a.role FROM fitness_users u LEFT JOIN accounts a ON a.user_id = u.id";

  private final Pool pool;
  private final StoreCrypto crypto;

  public ProfileRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  /** The cipher and hash this repository stores with, for code that writes beside it. */
  public StoreCrypto crypto() {
    return crypto;
  }

  /**
   * The stored columns of a profile's fields: the email goes in encrypted, with its keyed hash
   * beside it for logins and the unique index (docs/encryption.md).
   */
  private Map<String, Object> stored(Map<String, Object> columns) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      String column = ProfileFields.column(e.getKey());
      if ("email".equals(column) && e.getValue() != null) {
        String email = e.getValue().toString();
        out.put("email", Rows.buffer(crypto.cipher().encryptString(EncryptedColumn.USER_EMAIL, email)));
        out.put("email_hash", Rows.buffer(crypto.hash().email(email)));
      } else {
        out.put(column, e.getValue());
      }
    }
    return out;
  }

  /** A profile row as the API shows it: the email opened. */
  private JsonObject profile(Row row) {
    return Rows.toJson(row).put("email", crypto.cipher().decryptString(EncryptedColumn.USER_EMAIL, Rows.bytes(row, "email")));
  }

  /** Inserts the profile and its account in one transaction. */
  public Future<OffsetDateTime> insert(UUID id, Map<String, Object> columns, String passwordHash, String role) {
    List<String> names = new ArrayList<>(List.of("id", "user_id"));
    Tuple values = Tuple.of(id, id.toString());
    for (Map.Entry<String, Object> e : stored(columns).entrySet()) {
      names.add(e.getKey());
      values.addValue(e.getValue());
    }
    StringBuilder params = new StringBuilder();
    for (int i = 1; i <= names.size(); i++) {
      params.append(i == 1 ? "" : ", ").append('$').append(i);
    }
    String sql = "INSERT INTO fitness_users (" + String.join(", ", names) + ") VALUES (" + params + ") RETURNING created_at";
    return pool.withTransaction(tx -> tx.preparedQuery(sql).execute(values)
        .compose(rows -> tx.preparedQuery("INSERT INTO accounts (id, username, password_hash, role, user_id) "
                + "VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(UUID.randomUUID(), columns.get("username"), passwordHash, role, id))
            .map(r -> rows.iterator().next().getOffsetDateTime("created_at"))));
  }

  public Future<Optional<JsonObject>> find(UUID id) {
    return pool.preparedQuery(SELECT + " WHERE u.id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(profile(rows.iterator().next())));
  }

  /** Updates the given columns; empty when there is no such profile. */
  public Future<Optional<OffsetDateTime>> update(UUID id, Map<String, Object> columns, String role) {
    return pool.withTransaction(tx -> updateIn(tx, id, columns)
        .compose(updated -> {
          if (updated.isEmpty()) {
            return Future.succeededFuture(updated);
          }
          Future<?> account = Future.succeededFuture();
          if (columns.containsKey("username")) {
            account = tx.preparedQuery("UPDATE accounts SET username = $2, updated_at = now() WHERE user_id = $1")
                .execute(Tuple.of(id, columns.get("username")));
          }
          if (role != null) {
            account = account.compose(v -> tx.preparedQuery("UPDATE accounts SET role = $2, updated_at = now() "
                + "WHERE user_id = $1").execute(Tuple.of(id, role)));
          }
          return account.map(v -> updated);
        }));
  }

  private Future<Optional<OffsetDateTime>> updateIn(SqlClient client, UUID id, Map<String, Object> columns) {
    List<String> sets = new ArrayList<>();
    Tuple values = Tuple.of(id);
    int n = 2;
    for (Map.Entry<String, Object> e : stored(columns).entrySet()) {
      sets.add(e.getKey() + " = $" + n++);
      values.addValue(e.getValue());
    }
    sets.add("updated_at = now()");
    return client.preparedQuery("UPDATE fitness_users SET " + String.join(", ", sets) + " WHERE id = $1 RETURNING updated_at")
        .execute(values)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getOffsetDateTime("updated_at")));
  }

  /**
   * Athletes whose username or email starts with {@code prefix}, case-insensitively. Emails are
   * encrypted, so the prefix test runs here on the opened values (a gym's profiles, a few thousand
   * at most), never in SQL.
   */
  public Future<JsonArray> search(String prefix, int limit) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return pool.query("SELECT u.id, u.username, u.email, u.fitness_level, u.active, a.role FROM fitness_users u "
            + "LEFT JOIN accounts a ON a.user_id = u.id ORDER BY lower(u.username), u.id")
        .execute()
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            if (out.size() >= limit) {
              break;
            }
            JsonObject j = profile(r);
            if (j.getString("username").toLowerCase(Locale.ROOT).startsWith(p)
                || j.getString("email").toLowerCase(Locale.ROOT).startsWith(p)) {
              out.add(j);
            }
          }
          return out;
        });
  }

  public Future<Boolean> exists(UUID id) {
    return pool.preparedQuery("SELECT 1 FROM fitness_users WHERE id = $1").execute(Tuple.of(id)).map(r -> r.size() == 1);
  }

  public Future<Boolean> touchLastLogin(UUID id) {
    return pool.preparedQuery("UPDATE fitness_users SET last_login = now() WHERE id = $1").execute(Tuple.of(id))
        .map(r -> r.rowCount() == 1);
  }

  /**
   * Erases the profile and, by cascade, everything recorded of it on the edge, and leaves its id for
   * the replicator to erase in the cloud. False when there was no such profile.
   */
  public Future<Boolean> erase(UUID id) {
    return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM fitness_users WHERE id = $1").execute(Tuple.of(id))
        .compose(rows -> rows.rowCount() == 0
            ? Future.succeededFuture(false)
            : tx.preparedQuery("INSERT INTO replication_erasures (user_id) VALUES ($1) ON CONFLICT (user_id) DO UPDATE "
                    + "SET requested_at = now(), repl_seq = replication_next()")
                .execute(Tuple.of(id)).map(r -> true)));
  }

  /** Every row the edge holds about one user, for the user's export. */
  public Future<JsonObject> export(UUID id) {
    Tuple p = Tuple.of(id);
    Future<JsonArray> workouts = all("SELECT * FROM workouts WHERE user_id = $1 ORDER BY started_at", p);
    Future<JsonArray> exercises = all("SELECT e.* FROM exercises e JOIN workouts w ON w.id = e.workout_id "
        + "WHERE w.user_id = $1 ORDER BY e.created_at", p, EncryptedColumn.EXERCISE_POSE_DATA);
    Future<JsonArray> readings = all("SELECT id, biometric_type, value, unit, measurement_time, context, device_type, "
        + "device_id, confidence_score, raw_data, created_at FROM biometric_data WHERE user_id = $1 "
        + "ORDER BY measurement_time", p, EncryptedColumn.READING_VALUE, EncryptedColumn.READING_DEVICE_ID,
        EncryptedColumn.READING_RAW_DATA);
    Future<JsonArray> coaching = all("SELECT * FROM coaching_sessions WHERE user_id = $1 ORDER BY created_at", p,
        EncryptedColumn.COACHING_REQUEST, EncryptedColumn.COACHING_RESULT);
    Future<JsonArray> achievements = all("SELECT * FROM user_achievements WHERE user_id = $1 ORDER BY achieved_at", p);
    Future<JsonArray> stats = all("SELECT * FROM fitness_stats WHERE user_id = $1", p);
    Future<JsonArray> pairings = all("SELECT * FROM pairings WHERE user_id = $1 ORDER BY paired_at", p);
    Future<JsonArray> tracks = all("SELECT * FROM camera_track_pairings WHERE user_id = $1 ORDER BY paired_at", p);
    return Future.all(List.of(workouts, exercises, readings, coaching, achievements, stats, pairings, tracks))
        .map(v -> new JsonObject()
            .put("workouts", strip(workouts.result()))
            .put("exercises", strip(exercises.result()))
            .put("biometrics", strip(readings.result()))
            .put("coaching_sessions", strip(coaching.result()))
            .put("achievements", strip(achievements.result()))
            .put("stats", stats.result().isEmpty() ? null : strip(stats.result()).getJsonObject(0))
            .put("device_pairings", strip(pairings.result()))
            .put("camera_track_pairings", strip(tracks.result())));
  }

  /** Rows as JSON with the named encrypted columns opened. */
  private Future<JsonArray> all(String sql, Tuple params, EncryptedColumn... encrypted) {
    return pool.preparedQuery(sql).execute(params).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        JsonObject j = Rows.toJson(r);
        for (EncryptedColumn c : encrypted) {
          j.put(c.column(), Rows.decrypted(crypto.cipher(), c, Rows.bytes(r, c.column())));
        }
        out.add(j);
      }
      return out;
    });
  }

  /** Replication bookkeeping is the box's business, not the user's. */
  private static JsonArray strip(JsonArray rows) {
    rows.forEach(r -> ((JsonObject) r).remove("repl_seq"));
    return rows;
  }
}
