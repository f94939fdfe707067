package com.clisonix.edge.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.journal.BridgePublisher;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code reject-new} policy on a real gateway: at the limit the HTTP route answers 507 naming
 * it, and a QoS 1 reading from a bridge is not acknowledged, so it stays with the broker and the
 * ingestion, and is stored once there is room again; nothing is dropped.
 */
class RejectNewRetentionTest extends ApiTestBase {
  static final int LIMIT = 200;
  static final String STRAP = "C0FFEE00BEEF";

  @Override
  protected JsonObject configure(JsonObject tree) {
    return tree.put("retention", new JsonObject().put("max_readings", LIMIT).put("policy", "reject-new")
        .put("check_interval_ms", 200));
  }

  void fill(UUID user, int n) throws Exception {
    // values are encrypted at rest: one ciphertext of 70 bpm for every row
    db.preparedQuery("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time) "
            + "SELECT gen_random_uuid(), $1, 'heart_rate', $3, 'bpm', now() - g * interval '1 second' "
            + "FROM generate_series(1, $2) g")
        .execute(Tuple.of(user, n, io.vertx.core.buffer.Buffer.buffer(com.clisonix.edge.gateway.GatewayTestConfig.crypto()
            .cipher().encryptDouble(com.clisonix.edge.gateway.crypto.EncryptedColumn.READING_VALUE, 70.0))))
        .await(10, TimeUnit.SECONDS);
  }

  @Test
  void atTheLimitNewReadingsAreRefusedOnBothPathsAndNothingIsDropped() throws Exception {
    UUID user = UUID.fromString(profile(new JsonObject()));
    assertThat(api.post("/fitness/devices/" + STRAP + "/pair", adminToken, new JsonObject().put("user_id",
        user.toString())).status()).isEqualTo(200);
    Res ok = api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 90));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    fill(user, LIMIT - 1);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.get("/fitness/replication", adminToken)
        .json().getJsonObject("capacity").getBoolean("refusing_new_readings")).isTrue());

    Res refused = api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 91));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(507);
    assertThat(refused.json().getJsonObject("error").getString("code")).isEqualTo("insufficient_storage");
    assertThat(refused.json().getJsonObject("error").getString("message"))
        .contains("retention.max_readings = " + LIMIT).contains("reject-new");

    Vertx vertx = Vertx.vertx();
    try (BridgePublisher bridge = new BridgePublisher(vertx, mqtt, "bridge1")) {
      // a heart rate from the strap (its rows are the only ones with a device id): the broker accepts it,
      // the box must not store it yet
      bridge.publishAndWait(mqtt.topicRoot() + "/ble/bridge1/" + STRAP + "/2a37", new byte[] {0x00, 123}, 1);
      Thread.sleep(2000);
      assertThat(count("SELECT count(*) FROM biometric_data WHERE device_id_hash IS NOT NULL AND biometric_type = 'heart_rate'")).as("refused while full").isZero();
      assertThat(count("SELECT count(*) FROM biometric_data")).as("nothing dropped").isEqualTo(LIMIT);
      String metrics = gw.web().get("/metrics").send().await(10, TimeUnit.SECONDS).bodyAsString();
      assertThat(metrics).contains("clisonix_retention_rejected_readings_total{path=\"mqtt\"}")
          .contains("clisonix_retention_rejected_readings_total{path=\"http\"} 1.0")
          .contains("clisonix_retention_refusing 1.0");

      // room again (an operator raised nothing, the oldest ten were removed by hand): the held reading arrives once
      db.preparedQuery("DELETE FROM biometric_data WHERE id IN (SELECT id FROM biometric_data ORDER BY "
          + "measurement_time LIMIT 10)").execute().await(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(count("SELECT count(*) FROM biometric_data WHERE device_id_hash IS NOT NULL AND biometric_type = 'heart_rate'")).isEqualTo(1));
      assertThat(api.post("/fitness/users/" + user + "/biometrics", adminToken, new JsonObject()
          .put("biometric_type", "heart_rate").put("value", 92)).status()).isEqualTo(201);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
