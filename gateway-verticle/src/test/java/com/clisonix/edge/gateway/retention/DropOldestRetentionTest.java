package com.clisonix.edge.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code drop-oldest-readings} policy on a real gateway, without a cloud: the cloud's
 * confirmation is the biometric_data cursor, set here as the replicator sets it after a commit.
 * Only confirmed readings are dropped, oldest first; profiles and workouts stay; with too few
 * confirmed the box refuses new readings instead of dropping unconfirmed ones.
 */
class DropOldestRetentionTest extends ApiTestBase {
  static final int LIMIT = 1000;

  @Override
  protected JsonObject configure(JsonObject tree) {
    return tree.put("retention", new JsonObject().put("max_readings", LIMIT).put("policy", "drop-oldest-readings")
        .put("check_interval_ms", 200));
  }

  void sql(String sql, Object... params) throws Exception {
    db.preparedQuery(sql).execute(Tuple.from(params)).await(10, TimeUnit.SECONDS);
  }

  /**
   * n readings of one batch; values are encrypted at rest, so each batch is told apart by its
   * confidence score (value / 100), which stays in clear.
   */
  void fill(UUID user, int n, int value) throws Exception {
    sql("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, confidence_score) "
        + "SELECT gen_random_uuid(), $1, 'heart_rate', $3, 'bpm', now(), $4 FROM generate_series(1, $2) g", user, n,
        io.vertx.core.buffer.Buffer.buffer(com.clisonix.edge.gateway.GatewayTestConfig.crypto().cipher().encryptDouble(
            com.clisonix.edge.gateway.crypto.EncryptedColumn.READING_VALUE, (double) value)), value / 100.0);
  }

  void confirmUpTo(String where) throws Exception {
    sql("INSERT INTO replication_cursor (table_name, confirmed_seq) SELECT 'biometric_data', max(repl_seq) FROM "
        + "biometric_data WHERE " + where + " ON CONFLICT (table_name) DO UPDATE SET confirmed_seq = EXCLUDED.confirmed_seq");
  }

  void awaitRefusing(boolean refusing) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.get("/fitness/replication", adminToken)
        .json().getJsonObject("capacity").getBoolean("refusing_new_readings")).isEqualTo(refusing));
  }

  @Test
  void onlyConfirmedReadingsAreDroppedOldestFirstAndOtherwiseNewOnesAreRefused() throws Exception {
    UUID user = UUID.fromString(profile(new JsonObject()));
    String workout = startWorkout(user.toString());
    // 600 old readings (value 61) the cloud has, then 300 newer ones (62) it has not
    fill(user, 600, 61);
    confirmUpTo("confidence_score = 0.61");
    fill(user, 300, 62);
    long oldest150th = count("SELECT repl_seq FROM biometric_data WHERE confidence_score = 0.61 ORDER BY repl_seq OFFSET 149 LIMIT 1");
    // 200 more (63): 1100 held, limit 1000, low-water 950: 150 of the oldest confirmed go
    fill(user, 200, 63);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(count("SELECT count(*) FROM biometric_data")).isEqualTo(950));
    assertThat(count("SELECT count(*) FROM biometric_data WHERE confidence_score = 0.61")).isEqualTo(450);
    assertThat(count("SELECT count(*) FROM biometric_data WHERE confidence_score IN (0.62, 0.63)")).as("unconfirmed kept").isEqualTo(500);
    // the oldest went first: the remaining confirmed ones are the newest 450 of the 600
    assertThat(count("SELECT count(*) FROM biometric_data WHERE repl_seq <= $1", oldest150th)).isZero();
    assertThat(count("SELECT count(*) FROM fitness_users WHERE id = $1", user)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM workouts WHERE id = $1::uuid", workout)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject capacity = api.get("/fitness/replication", adminToken).json().getJsonObject("capacity");
      assertThat(capacity.getString("policy")).isEqualTo("drop-oldest-readings");
      assertThat(capacity.getLong("dropped_readings")).isEqualTo(150);
      assertThat(capacity.getLong("dropped_unreplicated_readings")).isZero();
      assertThat(capacity.getBoolean("refusing_new_readings")).isFalse();
      assertThat(capacity.getLong("db_bytes")).isPositive();
      assertThat(capacity.getLong("max_readings")).isEqualTo(LIMIT);
    });

    // 600 unconfirmed more: the 450 confirmed go, the rest cannot, so new readings are refused
    fill(user, 600, 64);
    awaitRefusing(true);
    assertThat(api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 99)).status()).isEqualTo(507);
    assertThat(count("SELECT count(*) FROM biometric_data WHERE confidence_score = 0.61")).isZero();
    assertThat(count("SELECT count(*) FROM biometric_data WHERE confidence_score IN (0.62, 0.63, 0.64)")).as("no unconfirmed reading lost")
        .isEqualTo(1100);
    String metrics = gw.web().get("/metrics").send().await(10, TimeUnit.SECONDS).bodyAsString();
    assertThat(metrics).contains("clisonix_retention_dropped_readings_total{replicated=\"true\"} 600.0")
        .contains("clisonix_retention_dropped_readings_total{replicated=\"false\"} 0.0")
        .contains("clisonix_retention_readings 1100.0");

    // the cloud confirms everything: the box drops down to the low-water mark and accepts again
    confirmUpTo("true");
    awaitRefusing(false);
    assertThat(api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 98)).status()).isEqualTo(201);
    assertThat(count("SELECT count(*) FROM biometric_data")).isEqualTo(951);
  }
}
