package com.clisonix.edge.gateway.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Edge to cloud on real PostgreSQL: the cloud is a second database on the same server, reached
 * through a TCP relay the test can cut. Both sides are compared table by table by row count and
 * by an md5 over every shared column of every row in key order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationTest extends ApiTestBase {
  static final String GYM = "test-gym";
  static final List<String> TABLES = ReplicationRepository.TABLES.stream().map(ReplicationRepository.Table::name).toList();
  /** Every edge table that numbers its rows for the cloud, found by its repl_seq column (erasures travel apart). */
  static final String NUMBERED_TABLES = "SELECT coalesce(string_agg(table_name, ',' ORDER BY table_name), '') FROM "
      + "information_schema.columns WHERE table_schema = current_schema() AND column_name = 'repl_seq' "
      + "AND table_name <> 'replication_erasures'";

  Vertx proxyVertx;
  TcpProxy proxy;
  PgUri cloudUri;
  Pool cloud;
  final UUID ann = UUID.randomUUID();
  JsonObject tree;

  @Override
  protected JsonObject configure(JsonObject tree) {
    try {
      PgUri edge = PgUri.parse("edge_db.uri", pg.uri());
      String cloudDb = pg.database() + "_cloud";
      try (Connection c = DriverManager.getConnection(edge.jdbcUrl(), edge.user(), edge.password());
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + cloudDb);
      }
      cloudUri = new PgUri(edge.host(), edge.port(), cloudDb, edge.user(), edge.password(), edge.sslmode());
      proxyVertx = Vertx.vertx();
      proxy = new TcpProxy(proxyVertx, edge.host(), edge.port());
      int port = proxy.start();
      PgUri viaProxy = new PgUri("127.0.0.1", port, cloudDb, edge.user(), edge.password(), edge.sslmode());
      cloud = PgBuilder.pool().connectingTo(cloudUri.connectOptions()).using(proxyVertx).build();
      this.tree = tree;
      return tree
          .put("cloud_db", new JsonObject().put("uri", uri(viaProxy)))
          // short waits so an outage of seconds is retried within seconds
          .put("replication", new JsonObject().put("batch_size", 200).put("batch_age_ms", 200)
              .put("min_backoff_ms", 200).put("max_backoff_ms", 2000).put("max_rows_per_second", 20_000));
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the cloud database: " + e, e);
    }
  }

  static String uri(PgUri u) {
    return "postgres://" + u.user() + (u.password() == null ? "" : ":" + java.net.URLEncoder.encode(u.password(),
        java.nio.charset.StandardCharsets.UTF_8)) + "@" + u.host() + ":" + u.port() + "/" + u.database();
  }

  @AfterAll
  void dropCloud() throws Exception {
    stopGateway(gw);
    cloud.close().await(10, TimeUnit.SECONDS);
    proxy.close();
    proxyVertx.close().await(10, TimeUnit.SECONDS);
    try (Connection c = DriverManager.getConnection(cloudUri.jdbcUrl().replace("/" + cloudUri.database() + "?",
        "/" + PgUri.parse("edge_db.uri", pg.uri()).database() + "?"), cloudUri.user(), cloudUri.password());
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloudUri.database() + " WITH (FORCE)");
    }
  }

  static final StoreCrypto CRYPTO = com.clisonix.edge.gateway.GatewayTestConfig.crypto();

  static Buffer text(EncryptedColumn column, String value) {
    return Buffer.buffer(CRYPTO.cipher().encryptString(column, value));
  }

  /** Encrypted heart rates between 60 and 180, each different, as the journal stores them. */
  static Buffer[] heartRates(int n) {
    Buffer[] out = new Buffer[n];
    for (int i = 0; i < n; i++) {
      out[i] = Buffer.buffer(CRYPTO.cipher().encryptDouble(EncryptedColumn.READING_VALUE, 60 + Math.random() * 120));
    }
    return out;
  }

  void edge(String sql, Object... params) {
    try {
      db.preparedQuery(sql).execute(Tuple.from(params)).await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(sql + ": no answer in 10 s", e);
    }
  }

  static Row one(Pool pool, String sql, Object... params) {
    try {
      return pool.preparedQuery(sql).execute(Tuple.from(params)).await(10, TimeUnit.SECONDS).iterator().next();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(sql + ": no answer in 10 s", e);
    }
  }

  /** Row count and md5 of every row's shared columns in key order; the cloud side only this gym's rows. */
  static String fingerprint(Pool pool, String table, boolean cloudSide) {
    String key = switch (table) {
      case "devices" -> "device_id";
      case "music_recordings" -> "owner_kind, owner_id";
      default -> "id";
    };
    Row r = one(pool, "SELECT count(*), coalesce(md5(string_agg((to_jsonb(t) - 'repl_seq' - 'gym_id')::text, '|' "
        + "ORDER BY " + key + ")), '-') FROM " + table + " t" + (cloudSide ? " WHERE gym_id = '" + GYM + "'" : ""));
    return r.getLong(0) + ":" + r.getString(1);
  }

  /**
   * Every table the edge numbers for the cloud, read from the edge's schema rather than from the
   * replicator's list, so a table that is left out of the list shows up as a difference.
   */
  Map<String, String> fingerprints(Pool pool, boolean cloudSide) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : one(db, NUMBERED_TABLES).getString(0).split(",")) {
      out.put(t, fingerprint(pool, t, cloudSide));
    }
    return out;
  }

  void awaitInSync(Duration atMost) {
    // until the replicator has migrated the cloud (on a worker, retrying) its tables may not exist yet
    await().atMost(atMost).pollInterval(Duration.ofMillis(300)).ignoreExceptionsInstanceOf(io.vertx.pgclient.PgException.class)
        .untilAsserted(() -> assertThat(fingerprints(cloud, true)).isEqualTo(fingerprints(db, false)));
  }

  /** One row in every replicated table, all belonging to {@code user}. */
  void rowsOfEveryTable(UUID user, String name) {
    UUID klass = UUID.randomUUID();
    UUID workout = UUID.randomUUID();
    String device = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 12);
    edge("INSERT INTO fitness_users (id, user_id, username, email, email_hash, weight_kg, secondary_goals) VALUES ($1, $2, "
        + "$2, $3, $4, 70.25, '[\"endurance\", {\"x\": 1}]')", user, name, text(EncryptedColumn.USER_EMAIL,
        name + "@example.test"), Buffer.buffer(CRYPTO.hash().email(name + "@example.test")));
    edge("INSERT INTO classes (id, name, started_at, ended_at) VALUES ($1, 'Spin', now() - interval '1 hour', now())", klass);
    edge("INSERT INTO workouts (id, user_id, class_id, name, workout_type, started_at, ended_at, zone_minutes) VALUES "
        + "($1, $2, $3, 'Ride', 'cardio', now() - interval '50 minutes', now(), '{\"z3\": 12.5}')", workout, user, klass);
    edge("INSERT INTO exercises (id, workout_id, name, exercise_type, form_score) VALUES ($1, $2, 'squat', 'strength', "
        + "0.1234567890123)", UUID.randomUUID(), workout);
    // encrypted columns travel as the bytes they are (bytea through to_jsonb and jsonb_populate_recordset)
    edge("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, raw_data) VALUES "
        + "($1, $2, 'heart_rate', $3, 'bpm', now(), $4)", UUID.randomUUID(), user, heartRates(1)[0],
        text(EncryptedColumn.READING_RAW_DATA, "{\"rr\": [455, 460]}"));
    edge("INSERT INTO coaching_sessions (id, user_id, analysis_type, request, result) VALUES ($1, $2, 'pose', $3, $4)",
        UUID.randomUUID(), user, text(EncryptedColumn.COACHING_REQUEST, "{}"),
        text(EncryptedColumn.COACHING_RESULT, "{\"score\": 0.8}"));
    edge("INSERT INTO user_achievements (id, user_id, achievement_type, exercise_name, value, achieved_at) VALUES "
        + "($1, $2, 'personal_record', 'squat', 100, now())", UUID.randomUUID(), user);
    edge("INSERT INTO fitness_stats (id, user_id, total_workouts) VALUES ($1, $2, 1)", UUID.randomUUID(), user);
    edge("INSERT INTO devices (device_id, kind, label) VALUES ($1, 'hr_strap', 'Strap')", device);
    edge("INSERT INTO pairings (id, device_id, user_id, kind, paired_at) VALUES ($1, $2, $3, 'hr_strap', now())",
        UUID.randomUUID(), device, user);
    edge("INSERT INTO camera_track_pairings (id, camera_id, track, user_id, paired_at) VALUES ($1, 'cam1', $2, $3, now())",
        UUID.randomUUID(), "t" + device, user);
    edge("INSERT INTO music_recordings (owner_kind, owner_id, midi, mean_bpm, bars, duration_ms) VALUES ('workout', $1, "
        + "'\\x4d546864000000060001'::bytea, 128.25, 4, 7500)", workout);
  }

  @Test
  @Order(0)
  void everyTableTheEdgeNumbersIsReplicatedAndTheCloudHasNoOther() {
    // the replicator's list is the edge's numbered tables, no more, no fewer
    assertThat(List.of(one(db, NUMBERED_TABLES).getString(0).split(","))).containsExactlyInAnyOrderElementsOf(TABLES);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(List.of(one(cloud, "SELECT coalesce("
        + "string_agg(table_name, ',' ORDER BY table_name), '') FROM information_schema.columns WHERE table_schema = "
        + "current_schema() AND column_name = 'gym_id'").getString(0).split(","))).containsExactlyInAnyOrderElementsOf(TABLES));
  }

  @Test
  @Order(1)
  void rowsOfEveryTableArriveOnceWithTheGymId() {
    rowsOfEveryTable(ann, unique("ann"));
    awaitInSync(Duration.ofSeconds(60));
    for (String t : TABLES) {
      assertThat(one(cloud, "SELECT count(*) FROM " + t).getLong(0)).as(t).isPositive();
      assertThat(one(cloud, "SELECT count(*) FROM " + t + " WHERE gym_id IS DISTINCT FROM $1", GYM).getLong(0))
          .as(t + " rows all carry the gym").isZero();
    }
    assertThat(one(cloud, "SELECT weight_kg, secondary_goals::text FROM fitness_users WHERE id = $1", ann).toJson())
        .isEqualTo(new JsonObject().put("weight_kg", 70.25).put("secondary_goals", "[\"endurance\", {\"x\": 1}]"));
  }

  @Test
  @Order(2)
  void anUpdateAfterTheSendIsSentAgain() {
    edge("UPDATE fitness_users SET weight_kg = 68.5 WHERE id = $1", ann);
    edge("UPDATE devices SET label = 'Renamed' WHERE device_id IN (SELECT device_id FROM pairings WHERE user_id = $1)", ann);
    awaitInSync(Duration.ofSeconds(30));
    assertThat(one(cloud, "SELECT weight_kg FROM fitness_users WHERE id = $1", ann).getDouble(0)).isEqualTo(68.5);
    assertThat(one(cloud, "SELECT count(*) FROM fitness_users WHERE id = $1", ann).getLong(0)).isEqualTo(1);
    assertThat(one(cloud, "SELECT count(*) FROM devices WHERE label = 'Renamed'").getLong(0)).isEqualTo(1);
  }

  @Test
  @Order(3)
  void anErasureReachesTheCloud() {
    UUID bo = UUID.randomUUID();
    rowsOfEveryTable(bo, unique("bo"));
    awaitInSync(Duration.ofSeconds(30));
    assertThat(userRowsInCloud(bo)).isPositive();
    Res res = api.delete("/fitness/users/" + bo, adminToken);
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(userRowsInCloud(bo)).isZero());
    // the other athlete's rows stay
    assertThat(userRowsInCloud(ann)).isPositive();
    awaitInSync(Duration.ofSeconds(30));
  }

  long userRowsInCloud(UUID user) {
    long n = one(cloud, "SELECT count(*) FROM fitness_users WHERE id = $1", user).getLong(0);
    n += one(cloud, "SELECT count(*) FROM exercises WHERE workout_id IN (SELECT id FROM workouts WHERE user_id = $1)",
        user).getLong(0);
    for (String t : List.of("workouts", "biometric_data", "coaching_sessions", "user_achievements", "fitness_stats",
        "pairings", "camera_track_pairings")) {
      n += one(cloud, "SELECT count(*) FROM " + t + " WHERE user_id = $1", user).getLong(0);
    }
    return n;
  }

  @Test
  @Order(4)
  void statusAndMetricsShowTheLink() throws Exception {
    awaitInSync(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Res res = api.get("/fitness/replication", adminToken);
      assertThat(res.status()).as(res.toString()).isEqualTo(200);
      JsonObject body = res.json();
      assertThat(body.getBoolean("enabled")).isTrue();
      assertThat(body.getString("role")).isEqualTo("leader");
      assertThat(body.getString("gym_id")).isEqualTo(GYM);
      assertThat(body.getBoolean("cloud_reachable")).isTrue();
      assertThat(body.getString("last_success")).isNotNull();
      assertThat(body.getLong("pending_erasures")).isZero();
      assertThat(body.getJsonObject("tables").fieldNames()).containsExactlyElementsOf(TABLES);
      for (String t : TABLES) {
        assertThat(body.getJsonObject("tables").getJsonObject(t).getLong("pending_rows")).as(t).isZero();
        assertThat(body.getJsonObject("tables").getJsonObject(t).getString("last_success")).as(t).isNotNull();
      }
    });
    String metrics = gw.web().get("/metrics").send().await(10, TimeUnit.SECONDS).bodyAsString();
    assertThat(metrics).contains("clisonix_replication_rows_total{table=\"biometric_data\"}")
        .contains("clisonix_replication_pending_rows{table=\"fitness_users\"}");
  }

  @Test
  @Order(5)
  void rowsTheCloudRefusesAreQuarantinedAndTheRestFlows() throws Exception {
    awaitInSync(Duration.ofSeconds(30));
    // a rule the cloud has and the edge does not: the chain's reporting takes heart rates in bpm only
    // (values are encrypted at rest, so the rule is on a column in clear)
    cloud.query("ALTER TABLE biometric_data ADD CONSTRAINT cloud_hr_plausible CHECK (biometric_type <> 'heart_rate' "
        + "OR unit = 'bpm') NOT VALID").execute().await(10, TimeUnit.SECONDS);
    UUID bad1 = UUID.randomUUID();
    UUID bad2 = UUID.randomUUID();
    long before = one(cloud, "SELECT count(*) FROM biometric_data").getLong(0);
    // one statement: all 300 land in one edge transaction and so in one cloud batch of 200 and one of 100
    edge("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time) SELECT CASE g "
        + "WHEN 37 THEN $2 WHEN 251 THEN $3 ELSE gen_random_uuid() END, $1, 'heart_rate', $4, CASE WHEN g IN (37, 251) "
        + "THEN 'beats' ELSE 'bpm' END, now() FROM generate_series(1, 300) g", ann, bad1, bad2, heartRates(1)[0]);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(one(cloud, "SELECT count(*) FROM "
        + "biometric_data").getLong(0)).isEqualTo(before + 298));
    assertThat(one(cloud, "SELECT count(*) FROM biometric_data WHERE id IN ($1, $2)", bad1, bad2).getLong(0)).isZero();
    assertThat(one(db, "SELECT string_agg(row_key, ',' ORDER BY row_key), min(sqlstate), bool_and(error LIKE "
        + "'%cloud_hr_plausible%') FROM replication_quarantine WHERE table_name = 'biometric_data'").toJson())
        .isEqualTo(new JsonObject().put("string_agg", java.util.stream.Stream.of(bad1, bad2).map(UUID::toString).sorted()
            .collect(java.util.stream.Collectors.joining(","))).put("min", "23514").put("bool_and", true));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonObject status = api.get("/fitness/replication", adminToken).json();
      assertThat(status.getJsonObject("tables").getJsonObject("biometric_data").getLong("pending_rows"))
          .as("the cursor moved past the refused rows").isZero();
      assertThat(status.getJsonObject("quarantine").getLong("rows")).isEqualTo(2);
      assertThat(status.getJsonObject("quarantine").getJsonArray("latest").getJsonObject(0).getString("table"))
          .isEqualTo("biometric_data");
    });
    assertThat(gw.web().get("/metrics").send().await(10, TimeUnit.SECONDS).bodyAsString())
        .contains("clisonix_replication_quarantined_rows_total{table=\"biometric_data\"} 2.0");
    // the operator's decision for this test: the refused readings are removed from the edge
    edge("DELETE FROM biometric_data WHERE id IN ($1, $2)", bad1, bad2);
    cloud.query("ALTER TABLE biometric_data DROP CONSTRAINT cloud_hr_plausible").execute().await(10, TimeUnit.SECONDS);
    awaitInSync(Duration.ofSeconds(30));
  }

  @Test
  @Order(6)
  void aCloudOutageLosesAndDuplicatesNothing() throws Exception {
    awaitInSync(Duration.ofSeconds(30));
    long before = one(db, "SELECT count(*) FROM biometric_data").getLong(0);
    proxy.sever();
    AtomicInteger written = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
    boolean sawDown = false;
    boolean sawPending = false;
    while (System.nanoTime() < end) {
      // small ingest-like batches: 25 readings each, with distinct values so the checksum sees each one
      edge("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time) "
          + "SELECT gen_random_uuid(), $1, 'heart_rate', v, 'bpm', now() FROM unnest($2::bytea[]) v", ann, heartRates(25));
      edge("UPDATE fitness_stats SET total_workouts = total_workouts + 1 WHERE user_id = $1", ann);
      written.addAndGet(25);
      if (!sawDown) {
        Res health = api.get("/fitness/health", null);
        if ("down".equals(health.json().getJsonObject("dependencies").getString("cloud_db"))) {
          sawDown = true;
          assertThat(health.status()).isEqualTo(200);
          assertThat(health.json().getString("status")).isEqualTo("degraded");
        }
      }
      assertThat(gw.web().get("/health/ready").send().await(10, TimeUnit.SECONDS).statusCode())
          .as("the edge stays ready while the cloud is cut").isEqualTo(200);
      if (!sawPending) {
        JsonObject status = api.get("/fitness/replication", adminToken).json();
        sawPending = Boolean.FALSE.equals(status.getBoolean("cloud_reachable"))
            && status.getString("last_error") != null
            && status.getJsonObject("tables").getJsonObject("biometric_data").getLong("pending_rows") > 0;
      }
      Thread.sleep(100);
    }
    assertThat(sawDown).as("/fitness/health reported cloud_db down during the cut").isTrue();
    assertThat(sawPending).as("GET /fitness/replication reported the cloud unreachable with a backlog").isTrue();
    assertThat(one(cloud, "SELECT count(*) FROM biometric_data").getLong(0)).as("nothing reached the cloud while cut")
        .isEqualTo(before);
    proxy.restore();
    awaitInSync(Duration.ofSeconds(60));
    assertThat(one(cloud, "SELECT count(*) FROM biometric_data").getLong(0)).isEqualTo(before + written.get());
    assertThat(one(cloud, "SELECT count(*) - count(DISTINCT id) FROM biometric_data").getLong(0)).isZero();
    assertThat(one(cloud, "SELECT total_workouts FROM fitness_stats WHERE user_id = $1", ann).getInteger(0))
        .isEqualTo(one(db, "SELECT total_workouts FROM fitness_stats WHERE user_id = $1", ann).getInteger(0));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.get("/fitness/health", null).json()
        .getJsonObject("dependencies").getString("cloud_db")).isEqualTo("up"));
  }

  @Test
  @Order(7)
  void aSecondBoxStandsByAndTakesOverWhenTheLeaderStops() throws Exception {
    Gateway second = startGateway(tree.copy().put("gym", tree.getJsonObject("gym").copy().put("node_id", "node-b")));
    String token = login(second.api(), "admin", com.clisonix.edge.gateway.GatewayTestConfig.ADMIN_PASSWORD);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(second.api().get("/fitness/replication", token).json().getString("role")).isEqualTo("standby"));
    stopGateway(gw);
    edge("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time) VALUES "
        + "(gen_random_uuid(), $1, 'heart_rate', $2, 'bpm', now())", ann, heartRates(1)[0]);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(second.api().get("/fitness/replication", token).json().getString("role")).isEqualTo("leader"));
    awaitInSync(Duration.ofSeconds(30));
  }
}
