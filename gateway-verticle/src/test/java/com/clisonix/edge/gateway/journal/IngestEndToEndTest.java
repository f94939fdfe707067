package com.clisonix.edge.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.GatewayApplication;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.GatewayVertx;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.FieldCipherException;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bridges publish to the gym's Mosquitto; the gateway decodes, attributes, journals and
 * acknowledges; the edge store holds exactly what the bytes said, once. Vectors are ble-gatt.md's.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestEndToEndTest {
  static final String STRAP = "A1B2C3D4E5F6";
  static final String BIKE = "0A0B0C0D0E0F";
  Vertx vertx;
  GatewayApplication app;
  WebClient http;
  Pool db;
  String token;
  String root;
  MqttService mqtt;
  UUID athlete;
  BridgePublisher bridge;

  @BeforeAll
  void start(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    this.mqtt = mqtt;
    root = mqtt.topicRoot();
    vertx = GatewayVertx.create();
    app = GatewayApplication.start(vertx, GatewayTestConfig.tree(pg, redis, mqtt), false, null).await(60, TimeUnit.SECONDS);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()));
    db = PgBuilder.pool().connectingTo(PgUri.parse("edge_db.uri", pg.uri()).connectOptions()).using(vertx).build();
    token = http.post("/fitness/auth/token").sendJsonObject(new JsonObject().put("username", "admin")
        .put("password", GatewayTestConfig.ADMIN_PASSWORD)).await(10, TimeUnit.SECONDS).bodyAsJsonObject()
        .getString("access_token");
    athlete = UUID.fromString(call(HttpMethod.POST, "/fitness/users/profile", new JsonObject().put("username", "rider")
        .put("email", "rider@example.com").put("age", 35).put("camera_enabled", true)).bodyAsJsonObject()
        .getString("user_id"));
    // the strap in any common MAC form: the gateway normalises it
    assertThat(call(HttpMethod.POST, "/fitness/devices/a1:b2:c3:d4:e5:f6/pair", new JsonObject()
        .put("user_id", athlete.toString())).statusCode()).isEqualTo(200);
    assertThat(call(HttpMethod.POST, "/fitness/devices/0a-0b-0c-0d-0e-0f/pair", new JsonObject()
        .put("user_id", athlete.toString())).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> call(HttpMethod.GET, "/health/ready", null).statusCode() == 200);
    bridge = new BridgePublisher(vertx, mqtt, "bridge1");
  }

  @AfterAll
  void stop() throws Exception {
    bridge.close();
    db.close();
    app.stop().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> call(HttpMethod m, String path, JsonObject body) throws Exception {
    var req = http.request(m, path).bearerTokenAuthentication(token);
    return (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
  }

  List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> out = new ArrayList<>();
    db.preparedQuery(sql).execute(Tuple.from(params)).await(10, TimeUnit.SECONDS).forEach(out::add);
    return out;
  }

  /** Readings are stored encrypted: the test opens them with the test key, as the store does. */
  static final StoreCrypto CRYPTO = GatewayTestConfig.crypto();

  static double value(Row r) {
    return CRYPTO.cipher().decryptDouble(EncryptedColumn.READING_VALUE, r.getBuffer("value").getBytes());
  }

  List<Double> values(String type) throws Exception {
    return rows("SELECT value FROM biometric_data WHERE user_id = $1 AND biometric_type = $2", athlete, type).stream()
        .map(IngestEndToEndTest::value).toList();
  }

  long count(String type) throws Exception {
    return rows("SELECT count(*) FROM biometric_data WHERE user_id = $1 AND biometric_type = $2", athlete, type).get(0)
        .getLong(0);
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static byte[] envelope(String hex, long ts) {
    return new JsonObject().put("hex", hex.replace(" ", "")).put("ts", ts).encode().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void heartRateVectorLandsExactly() throws Exception {
    // ble-gatt.md §1 vector 1: HR 72, contact detected, RR raw [340, 748]
    long ts = System.currentTimeMillis() - 5_000;
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37/json", envelope("16 48 54 01 EC 02", ts), 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> count("rr_interval") == 2);
    Row hr = rows("SELECT value, unit, measurement_time, device_id, device_type, context, raw_data FROM biometric_data "
        + "WHERE user_id = $1 AND biometric_type = 'heart_rate'", athlete).get(0);
    assertThat(value(hr)).isEqualTo(72.0);
    // at rest: ciphertext under the configured key; the wrong key material fails loudly, never returns garbage
    byte[] stored = hr.getBuffer("value").getBytes();
    assertThat(FieldCipher.keyId("biometric_data", "value", stored)).isEqualTo("t1");
    assertThatThrownBy(() -> new FieldCipher(List.of(new FieldCipher.Key("t1", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})))
        .decryptDouble(EncryptedColumn.READING_VALUE, stored))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("biometric_data.value");
    assertThat(hr.getString("unit")).isEqualTo("bpm");
    assertThat(hr.getOffsetDateTime("measurement_time").toInstant().toEpochMilli()).as("the payload's ts").isEqualTo(ts);
    assertThat(CRYPTO.cipher().decryptString(EncryptedColumn.READING_DEVICE_ID, hr.getBuffer("device_id").getBytes()))
        .isEqualTo(STRAP);
    assertThat(hr.getString("device_type")).isEqualTo("chest_strap");
    assertThat(hr.getString("context")).as("no open workout").isEqualTo("rest");
    assertThat(new JsonObject(CRYPTO.cipher().decryptString(EncryptedColumn.READING_RAW_DATA,
        hr.getBuffer("raw_data").getBytes())).getString("payload")).isEqualTo("16485401ec02");
    assertThat(values("sensor_contact")).containsExactly(2.0);
    assertThat(values("rr_interval").stream().sorted().toList())
        .containsExactly(340 * 1000.0 / 1024, 748 * 1000.0 / 1024);
    // the raw tables, as a database dump shows them, hold neither the email nor the strap's id
    for (String table : List.of("fitness_users", "biometric_data", "devices")) {
      for (Row r : rows("SELECT t::text FROM " + table + " t")) {
        assertThat(r.getString(0)).as(table).doesNotContain("rider@example.com").doesNotContain("16485401ec02");
      }
    }
    for (Row r : rows("SELECT t::text FROM biometric_data t")) {
      assertThat(r.getString(0)).doesNotContain(STRAP);
    }
  }

  @Test
  @Order(2)
  void machineVectorLandsWithItsUnitsAndContextFollowsTheWorkout() throws Exception {
    String workout = call(HttpMethod.POST, "/fitness/users/" + athlete + "/workouts", new JsonObject().put("name", "Ride")
        .put("workout_type", "cardio")).bodyAsJsonObject().getString("workout_id");
    // ble-gatt.md §2.1 vector I3: 32.74 km/h, 80 rpm, 42195 m, 300 W, HR 143
    bridge.publishAndWait(root + "/ble/bridge1/" + BIKE + "/2ad2", hex("54 02 CA 0C A0 00 D3 A4 00 2C 01 8F"), 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> count("power") == 1);
    assertThat(rows("SELECT value, unit, context, device_type FROM biometric_data WHERE user_id = $1 AND "
        + "biometric_type = 'speed'", athlete).get(0)).satisfies(r -> {
          assertThat(value(r)).isCloseTo(32.74, org.assertj.core.api.Assertions.within(1e-9));
          assertThat(r.getString("unit")).isEqualTo("km/h");
          assertThat(r.getString("context")).isEqualTo("workout");
          assertThat(r.getString("device_type")).isEqualTo("bike");
        });
    assertThat(values("distance")).containsExactly(42195.0);
    // device ids are found by their keyed hash
    assertThat(rows("SELECT value FROM biometric_data WHERE user_id = $1 AND biometric_type = 'heart_rate' "
        + "AND device_id_hash = $2", athlete, Buffer.buffer(CRYPTO.hash().deviceId(BIKE))).stream()
        .map(IngestEndToEndTest::value).toList()).containsExactly(143.0);
    // a machine's pairing ends with the workout; the strap's does not
    assertThat(call(HttpMethod.PUT, "/fitness/workouts/" + workout + "/end", new JsonObject()).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rows("SELECT device_id FROM pairings "
        + "WHERE user_id = $1 AND ended_at IS NULL", athlete).stream().map(r -> r.getString(0)).toList())
        .containsExactly(STRAP));
  }

  @Test
  @Order(3)
  void aRepeatedTimestampedMessageIsStoredOnceButRepeatedRawBytesAreTwoReadings() throws Exception {
    // analysis listens on the event bus: it must get the repeated message once too
    java.util.List<com.clisonix.edge.sensor.ingest.Reading> analysed = new java.util.concurrent.CopyOnWriteArrayList<>();
    var consumer = vertx.eventBus().<com.clisonix.edge.sensor.ingest.Reading>consumer(
        com.clisonix.edge.sensor.ingest.MqttIngestVerticle.READINGS_ADDRESS, m -> {
          if (m.body().type() == com.clisonix.edge.sensor.reading.ReadingType.HEART_RATE) {
            analysed.add(m.body());
          }
        });
    consumer.completion().await(5, TimeUnit.SECONDS);
    long before = count("heart_rate");
    long ts = System.currentTimeMillis() - 1_000;
    byte[] same = envelope("00 96", ts); // vector 7: HR 150
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37/json", same, 1);
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37/json", same, 1);
    // a steady heart rate repeats its bytes: two messages without ts are two readings
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37", hex("00 55"), 1);
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37", hex("00 55"), 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> count("heart_rate") >= before + 3);
    Thread.sleep(300);
    assertThat(count("heart_rate")).isEqualTo(before + 3);
    assertThat(values("heart_rate").stream().filter(v -> v == 150.0).count()).isEqualTo(1L);
    assertThat(values("heart_rate").stream().filter(v -> v == 85.0).count()).isEqualTo(2L);
    assertThat(metric("clisonix_ingest_duplicates_total")).isGreaterThanOrEqualTo(1.0);
    assertThat(analysed).extracting(com.clisonix.edge.sensor.ingest.Reading::value).as("analysed once, like stored")
        .containsExactlyInAnyOrder(150.0, 85.0, 85.0);
    assertThat(analysed.get(0).measuredAt()).isEqualTo(ts);
    consumer.unregister();
  }

  @Test
  @Order(4)
  void unusableFieldsAreDroppedAloneAndUnpairedDevicesAreOnlySighted() throws Exception {
    // a uint16 heart rate of 300 decodes as 300 and is kept (20-300 is usable); 0x0142 = 322 is dropped alone
    long beforeContact = count("sensor_contact");
    long beforeHr = count("heart_rate");
    bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37", hex("05 42 01"), 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> count("sensor_contact") == beforeContact + 1);
    assertThat(count("heart_rate")).isEqualTo(beforeHr);
    // nobody wears this strap: nothing stored, but the floor shows it as unassigned
    bridge.publishAndWait(root + "/ble/bridge1/FFEEDDCCBBAA/2a37", hex("00 50"), 1);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonArray unassigned = call(HttpMethod.GET, "/fitness/floor", null).bodyAsJsonObject().getJsonArray("unassigned");
      assertThat(unassigned.stream().map(o -> ((JsonObject) o).getString("device_id"))).contains("FFEEDDCCBBAA");
    });
    assertThat(rows("SELECT count(*) FROM biometric_data WHERE device_id_hash = $1",
        Buffer.buffer(CRYPTO.hash().deviceId("FFEEDDCCBBAA"))).get(0).getLong(0)).isZero();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonArray devices = call(HttpMethod.GET, "/fitness/devices", null).bodyAsJsonArray();
      JsonObject seen = devices.stream().map(o -> (JsonObject) o).filter(d -> d.getString("device_id").equals("FFEEDDCCBBAA"))
          .findFirst().orElseThrow();
      assertThat(seen.getString("kind")).isEqualTo("strap");
      assertThat(seen.getValue("paired_user_id")).isNull();
    });
  }

  @Test
  @Order(5)
  void eyeMetricsNeedCameraConsent() throws Exception {
    assertThat(call(HttpMethod.POST, "/fitness/cameras/cam1/tracks/3/pair", new JsonObject()
        .put("user_id", athlete.toString()).put("exercise", "Squats")).bodyAsJsonObject().getString("exercise"))
        .isEqualTo("squat");
    BridgePublisher camera = new BridgePublisher(vertx, mqtt, "cam1");
    try {
      byte[] eyes = new JsonObject().put("ts", System.currentTimeMillis()).put("track", "3").put("pupil_size", 5.2)
          .put("pupil_dilation_rate", 0.15).put("blink_rate", 18).put("eye_gaze_stability", 75).encode()
          .getBytes(StandardCharsets.UTF_8);
      camera.publishAndWait(root + "/camera/cam1/eyes", eyes, 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> count("pupil_size") == 1);
      // consent withdrawn: the next frame is discarded on arrival
      assertThat(call(HttpMethod.PUT, "/fitness/users/" + athlete + "/profile", new JsonObject().put("camera_enabled", false))
          .statusCode()).isEqualTo(200);
      double discardedBefore = metric("clisonix_ingest_consent_discarded_total");
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        byte[] next = new JsonObject().put("ts", System.currentTimeMillis()).put("track", "3").put("pupil_size", 6.0)
            .put("blink_rate", 20).encode().getBytes(StandardCharsets.UTF_8);
        camera.publishAndWait(root + "/camera/cam1/eyes", next, 1);
        return metric("clisonix_ingest_consent_discarded_total") > discardedBefore;
      });
      assertThat(count("pupil_size")).isEqualTo(1);
    } finally {
      camera.close();
    }
  }

  @org.junit.jupiter.api.Tag("system") // relies on the gym's Mosquitto (limits, retained delivery); fails on Moquette
  @Test
  @Order(6)
  void tenThousandMalformedPayloadsDoNotCostOneGoodReading() throws Exception {
    long before = count("heart_rate");
    Random random = new Random(42);
    int good = 0;
    List<io.vertx.core.Future<Void>> sent = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      byte[] junk = new byte[random.nextInt(24)];
      random.nextBytes(junk);
      // every one of these is refused; random bytes on a known characteristic could be a valid packet
      String topic;
      byte[] payload;
      switch (i % 6) {
        case 0 -> {
          topic = root + "/ble/bridge1/" + STRAP + "/2a37/json";
          payload = ("{\"hex\":\"ZZ\"," + i + "}").getBytes(StandardCharsets.UTF_8);
        }
        case 1 -> {
          // ble-gatt.md §1 vector 6 and a truncated indoor-bike packet: structure does not fit flags
          topic = root + "/ble/bridge1/" + STRAP + (i % 12 == 1 ? "/2a37" : "/2ad2");
          payload = i % 12 == 1 ? hex("17 01 01") : hex("44 02 AA");
        }
        case 2 -> {
          topic = root + "/ble/bridge1/not:a:mac!/2a37";
          payload = junk;
        }
        case 3 -> {
          topic = root + "/ble/bridge1/" + STRAP + "/9999";
          payload = junk;
        }
        case 4 -> {
          topic = root + "/ble/bridge1/" + STRAP + "/2a37/json";
          payload = "{\"hex\": 12, \"ts\": \"soon\"}".getBytes(StandardCharsets.UTF_8);
        }
        default -> {
          topic = root + "/ble/bridge1/" + STRAP + "/2a37";
          payload = new byte[0];
        }
      }
      sent.add(bridge.publish(topic, payload, 1));
      if (i % 20 == 0) {
        // a good reading with its own ts every 20 bad ones
        sent.add(bridge.publish(root + "/ble/bridge1/" + STRAP + "/2a37/json",
            envelope("00 " + String.format("%02X", 60 + good % 100), System.currentTimeMillis() - 10_000 + good), 1));
        good++;
      }
      if (sent.size() >= 500) {
        io.vertx.core.Future.all(sent).await(30, TimeUnit.SECONDS);
        sent.clear();
      }
    }
    io.vertx.core.Future.all(sent).await(30, TimeUnit.SECONDS);
    int expected = good;
    await().atMost(Duration.ofSeconds(20)).until(() -> count("heart_rate") >= before + expected);
    assertThat(count("heart_rate")).isEqualTo(before + expected);
    assertThat(call(HttpMethod.GET, "/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(metricSum("clisonix_ingest_rejected_total")).isGreaterThanOrEqualTo(10_000.0);
  }

  @org.junit.jupiter.api.Tag("system") // restarts or configures the real Mosquitto (Debian package mosquitto)
  @Test
  @Order(7)
  void aBrokerRestartLosesAndDuplicatesNothing() throws Exception {
    assertThat(mqtt.canRestart()).isTrue();
    long before = count("heart_rate");
    int n = 300;
    long base = System.currentTimeMillis() - 60_000;
    for (int i = 0; i < n; i++) {
      if (i == n / 2) {
        mqtt.stop();
        mqtt.start();
      }
      byte[] payload = envelope("00 " + String.format("%02X", 70 + i % 50), base + i);
      // a bridge re-sends until the broker acknowledges; repeats carry the same ts
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
        try {
          if (!bridge.connected()) {
            bridge.connect();
          }
          bridge.publishAndWait(root + "/ble/bridge1/" + STRAP + "/2a37/json", payload, 1);
          return true;
        } catch (Exception e) {
          return false;
        }
      });
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count("heart_rate") >= before + n);
    Thread.sleep(500);
    assertThat(count("heart_rate")).isEqualTo(before + n);
  }

  @Test
  @Order(8)
  void bridgeStatusShowsOnTheFloor() throws Exception {
    BridgePublisher b2 = new BridgePublisher(vertx, mqtt, "bridge2");
    try {
      b2.publishAndWait(root + "/ble/bridge2/status", "offline".getBytes(StandardCharsets.UTF_8), 1);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        JsonArray bridges = call(HttpMethod.GET, "/fitness/floor", null).bodyAsJsonObject().getJsonArray("bridges");
        assertThat(bridges.stream().map(o -> (JsonObject) o).filter(b -> b.getString("id").equals("bridge2"))
            .map(b -> b.getString("status"))).containsExactly("offline");
      });
    } finally {
      b2.close();
    }
  }

  double metric(String name) throws Exception {
    String text = http.get("/metrics").send().await(10, TimeUnit.SECONDS).bodyAsString();
    return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  double metricSum(String name) throws Exception {
    return metric(name);
  }
}
