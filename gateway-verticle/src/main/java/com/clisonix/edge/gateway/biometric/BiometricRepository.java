package com.clisonix.edge.gateway.biometric;

import static com.clisonix.edge.gateway.store.Rows.buffer;
import static com.clisonix.edge.gateway.store.Rows.bytes;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code biometric_data} for the HTTP path (device and manual entries). The value and
 * the device id are stored encrypted (docs/encryption.md) and decrypted here, never in SQL.
 */
public final class BiometricRepository {
  private static final String LIST = "SELECT id, biometric_type AS type, value, unit, device_type, device_id, context, "
      + "confidence_score, measurement_time AS measured_at FROM biometric_data WHERE user_id = $1";

  /** One reading posted over HTTP. {@code context} null means: workout while one is open, else rest. */
  public record NewReading(UUID id, UUID userId, String type, double value, String unit, Instant measuredAt,
      String context, String deviceType, String deviceId, double confidence) {}

  private final Pool pool;
  private final StoreCrypto crypto;

  public BiometricRepository(Pool pool, StoreCrypto crypto) {
    this.pool = pool;
    this.crypto = crypto;
  }

  /** Stores the reading; empty when there is no such user. */
  public Future<Optional<String>> insert(NewReading r) {
    return pool.preparedQuery("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, "
            + "context, device_type, device_id, device_id_hash, confidence_score) "
            + "SELECT $1, u.id, $3, $4, $5, $6, COALESCE($7, CASE WHEN EXISTS (SELECT 1 FROM workouts w "
            + "WHERE w.user_id = u.id AND w.ended_at IS NULL) THEN 'workout' ELSE 'rest' END), $8, $9, $11, $10 "
            + "FROM fitness_users u WHERE u.id = $2 RETURNING context")
        .execute(Tuple.from(new Object[] {r.id(), r.userId(), r.type(),
            buffer(crypto.cipher().encryptDouble(EncryptedColumn.READING_VALUE, r.value())), r.unit(),
            OffsetDateTime.ofInstant(r.measuredAt(), ZoneOffset.UTC), r.context(), r.deviceType(),
            buffer(crypto.cipher().encryptString(EncryptedColumn.READING_DEVICE_ID, r.deviceId())), r.confidence(),
            buffer(crypto.hash().deviceId(r.deviceId()))}))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("context")));
  }

  public Future<JsonArray> list(UUID userId, String type, int limit) {
    if (type == null) {
      return pool.preparedQuery(LIST + " ORDER BY measurement_time DESC LIMIT $2").execute(Tuple.of(userId, limit))
          .map(this::decrypted);
    }
    return pool.preparedQuery(LIST + " AND biometric_type = $2 ORDER BY measurement_time DESC LIMIT $3")
        .execute(Tuple.of(userId, type, limit))
        .map(this::decrypted);
  }

  private JsonArray decrypted(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row row : rows) {
      JsonObject j = Rows.toJson(row);
      j.put("value", crypto.cipher().decryptDouble(EncryptedColumn.READING_VALUE, bytes(row, "value")));
      j.put("device_id", crypto.cipher().decryptString(EncryptedColumn.READING_DEVICE_ID, bytes(row, "device_id")));
      out.add(j);
    }
    return out;
  }
}
