package com.clisonix.edge.gateway.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.GatewayProcessHandle;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway (the packaged jar, as a child process) is killed with SIGKILL again and again while
 * it drains a backlog of readings and updates to a real cloud PostgreSQL, alternately just after a
 * batch's cloud commit (before the edge cursor moved: that batch must be absorbed when resent) and
 * while the next batch is on its way (before its commit). After every kill the cloud holds no
 * duplicate and nothing the edge lacks; after the last restart both sides are equal, table by table.
 * The window after the commit is widened with {@code replication.confirm_delay_ms} so a kill can
 * be aimed at it.
 */
@RealServices
class ReplicationCrashIT {
  static final int KILLS = 6;

  @Test
  void sigkillBeforeAndAfterTheCloudCommitLosesAndDuplicatesNothing(PostgresService pg, RedisService redis,
      MqttService mqtt, @TempDir Path dir) throws Exception {
    PgUri edgeUri = PgUri.parse("edge_db.uri", pg.uri());
    String cloudDb = edgeUri.database() + "_crashcloud";
    try (Connection c = DriverManager.getConnection(edgeUri.jdbcUrl(), edgeUri.user(), edgeUri.password());
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + cloudDb);
    }
    PgUri cloudUri = new PgUri(edgeUri.host(), edgeUri.port(), cloudDb, edgeUri.user(), edgeUri.password(),
        edgeUri.sslmode());
    Files.createDirectories(dir.resolve("config"));
    String yaml = Files.readString(GatewayProcessHandle.shippedYaml(), StandardCharsets.UTF_8)
        .replace("  batch_size: 500", "  batch_size: 300")
        .replace("  batch_age_ms: 1000", "  batch_age_ms: 100")
        .replace("  catch_up_batch_size: 10000", "  catch_up_batch_size: 300")
        .replace("  max_rows_per_second: 5000", "  max_rows_per_second: 100000")
        .replace("  min_backoff_ms: 500", "  min_backoff_ms: 100")
        .replace("  max_backoff_ms: 30000", "  max_backoff_ms: 1000")
        .replace("  confirm_delay_ms: 0", "  confirm_delay_ms: 400");
    assertThat(yaml).contains("confirm_delay_ms: 400").contains("catch_up_batch_size: 300");
    Files.writeString(dir.resolve("config/gateway.yaml"), yaml, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    env.put("CLISONIX_CLOUD_PG_URI", ReplicationTest.uri(cloudUri));

    Vertx vertx = Vertx.vertx();
    Pool edge = PgBuilder.pool().connectingTo(edgeUri.connectOptions()).using(vertx).build();
    Pool cloud = PgBuilder.pool().connectingTo(cloudUri.connectOptions()).using(vertx).build();
    UUID athlete = UUID.randomUUID();
    int afterCommit = 0;
    int beforeCommit = 0;
    try {
      // the first life migrates the edge; it is killed at once, before any backlog exists
      try (GatewayProcessHandle first = GatewayProcessHandle.start(dir, env)) {
        first.awaitPort(90);
        first.kill();
      }
      // emails and values are encrypted at rest, with the keys the gateway child runs with
      var crypto = GatewayTestConfig.crypto();
      sql(edge, "INSERT INTO fitness_users (id, user_id, username, email, email_hash) VALUES ($1, 'crash', 'crash', $2, $3)",
          athlete, io.vertx.core.buffer.Buffer.buffer(crypto.cipher().encryptString(
              com.clisonix.edge.gateway.crypto.EncryptedColumn.USER_EMAIL, "crash@example.test")),
          io.vertx.core.buffer.Buffer.buffer(crypto.hash().email("crash@example.test")));
      io.vertx.core.buffer.Buffer heartRate = io.vertx.core.buffer.Buffer.buffer(crypto.cipher().encryptDouble(
          com.clisonix.edge.gateway.crypto.EncryptedColumn.READING_VALUE, 120.0));
      sql(edge, "INSERT INTO fitness_stats (id, user_id, total_workouts) VALUES ($1, $2, 0)", UUID.randomUUID(), athlete);
      for (int k = 0; k < KILLS; k++) {
        // more backlog each life: readings and an update of a mutable row
        sql(edge, "INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time) SELECT "
            + "gen_random_uuid(), $1, 'heart_rate', $2, 'bpm', now() FROM generate_series(1, 3000)", athlete, heartRate);
        sql(edge, "UPDATE fitness_stats SET total_workouts = total_workouts + 1 WHERE user_id = $1", athlete);
        try (GatewayProcessHandle gw = GatewayProcessHandle.start(dir, env)) {
          gw.awaitPort(90);
          boolean aimAfterCommit = k % 2 == 0;
          await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long[] s = state(edge, cloud);
            // s = {cloud rows, confirmed rows, edge rows}
            return aimAfterCommit ? s[0] > s[1] : s[0] == s[1] && s[1] > 0 && s[1] < s[2];
          });
          gw.kill();
        }
        long[] s = state(edge, cloud);
        if (s[0] > s[1]) {
          afterCommit++;
        } else if (s[1] < s[2]) {
          beforeCommit++;
        }
        assertThat(one(cloud, "SELECT count(*) - count(DISTINCT id) FROM biometric_data")).as("no duplicate").isZero();
        assertThat(s[0]).as("the cloud holds nothing the edge lacks").isLessThanOrEqualTo(s[2]);
      }
      assertThat(afterCommit).as("kills that landed after a cloud commit, before the cursor moved").isPositive();
      assertThat(beforeCommit).as("kills that landed with a batch on its way, before its commit").isPositive();

      try (GatewayProcessHandle last = GatewayProcessHandle.start(dir, env)) {
        last.awaitPort(90);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(fingerprints(edge, cloud, true)).isEqualTo(fingerprints(edge, edge, false)));
      }
      assertThat(one(cloud, "SELECT count(*) FROM biometric_data")).isEqualTo(3000L * KILLS);
      assertThat(one(cloud, "SELECT total_workouts FROM fitness_stats WHERE user_id = $1", athlete)).isEqualTo(KILLS);
    } finally {
      edge.close();
      cloud.close();
      vertx.close().await(10, TimeUnit.SECONDS);
      try (Connection c = DriverManager.getConnection(edgeUri.jdbcUrl(), edgeUri.user(), edgeUri.password());
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
      }
    }
  }

  /** {cloud readings, edge readings the cursor confirms, edge readings}. */
  static long[] state(Pool edge, Pool cloud) {
    long confirmed = one(edge, "SELECT count(*) FROM biometric_data WHERE repl_seq <= coalesce((SELECT confirmed_seq "
        + "FROM replication_cursor WHERE table_name = 'biometric_data'), 0)");
    return new long[] {one(cloud, "SELECT count(*) FROM biometric_data"), confirmed,
        one(edge, "SELECT count(*) FROM biometric_data")};
  }

  static Map<String, String> fingerprints(Pool edge, Pool pool, boolean cloudSide) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : ReplicationTest.one(edge, ReplicationTest.NUMBERED_TABLES).getString(0).split(",")) {
      out.put(t, ReplicationTest.fingerprint(pool, t, cloudSide));
    }
    return out;
  }

  static long one(Pool pool, String sql, Object... params) {
    return ReplicationTest.one(pool, sql, params).getLong(0);
  }

  static void sql(Pool pool, String sql, Object... params) throws Exception {
    pool.preparedQuery(sql).execute(Tuple.from(params)).await(30, TimeUnit.SECONDS);
  }
}
