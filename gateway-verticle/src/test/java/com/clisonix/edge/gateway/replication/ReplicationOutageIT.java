package com.clisonix.edge.gateway.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.GatewayProcessHandle;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.sensor.sim.FloorSimulator;
import com.clisonix.edge.sensor.sim.FloorSimulatorOptions;
import com.clisonix.edge.sensor.sim.FloorSimulatorVerticle;
import com.clisonix.edge.sensor.sim.SimAthlete;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud cut for 60 s while the floor simulator publishes a class to the gym's Mosquitto and the
 * packaged gateway (a child process) stores it: a TCP relay between the gateway and the cloud
 * PostgreSQL is severed and restored. Meanwhile workouts start through the API and profiles change
 * on the edge. After the restore every reading and every update is in the cloud exactly once: row
 * counts and checksums of every numbered table are equal on both sides, with no duplicate id.
 */
@RealServices
@Tag("system") // the simulator publishes through the gym's Mosquitto accounts and ACL
class ReplicationOutageIT {
  static final int ATHLETES = 8;
  static final long CUT_MS = 60_000;

  @Test
  void aSixtySecondCutUnderLoadLosesAndDuplicatesNothing(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    PgUri edgeUri = PgUri.parse("edge_db.uri", pg.uri());
    String cloudDb = edgeUri.database() + "_outagecloud";
    try (Connection c = DriverManager.getConnection(edgeUri.jdbcUrl(), edgeUri.user(), edgeUri.password());
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + cloudDb);
    }
    PgUri cloudUri = new PgUri(edgeUri.host(), edgeUri.port(), cloudDb, edgeUri.user(), edgeUri.password(),
        edgeUri.sslmode());
    Vertx vertx = Vertx.vertx();
    TcpProxy proxy = new TcpProxy(vertx, edgeUri.host(), edgeUri.port());
    int proxyPort = proxy.start();
    Files.createDirectories(dir.resolve("config"));
    String yaml = Files.readString(GatewayProcessHandle.shippedYaml(), StandardCharsets.UTF_8)
        .replace("  batch_age_ms: 1000", "  batch_age_ms: 200")
        .replace("  max_rows_per_second: 5000", "  max_rows_per_second: 20000")
        .replace("  min_backoff_ms: 500", "  min_backoff_ms: 200")
        .replace("  max_backoff_ms: 30000", "  max_backoff_ms: 2000");
    Files.writeString(dir.resolve("config/gateway.yaml"), yaml, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    env.put("CLISONIX_CLOUD_PG_URI", ReplicationTest.uri(new PgUri("127.0.0.1", proxyPort, cloudDb, edgeUri.user(),
        edgeUri.password(), edgeUri.sslmode())));
    Pool edge = PgBuilder.pool().connectingTo(edgeUri.connectOptions()).using(vertx).build();
    Pool cloud = PgBuilder.pool().connectingTo(cloudUri.connectOptions()).using(vertx).build();
    try (GatewayProcessHandle gw = GatewayProcessHandle.start(dir, env)) {
      int port = gw.awaitPort(90);
      WebClient http = WebClient.create(vertx);
      String token = http.post(port, "127.0.0.1", "/fitness/auth/token").sendJsonObject(new JsonObject()
          .put("username", "admin").put("password", GatewayTestConfig.ADMIN_PASSWORD)).await(10, TimeUnit.SECONDS)
          .bodyAsJsonObject().getString("access_token");

      JsonObject accounts = new JsonObject();
      for (String b : List.of("bridge-1", "bridge-2")) {
        accounts.put(b, new JsonObject().put("username", mqtt.bridge(b).username()).put("password",
            mqtt.bridge(b).password()));
      }
      JsonObject sim = new JsonObject().put("host", mqtt.host()).put("port", mqtt.port()).put("root", mqtt.topicRoot())
          .put("athletes", ATHLETES).put("seed", 7).put("bridges", new JsonArray().add("bridge-1").add("bridge-2"))
          .put("cameras", new JsonArray()).put("eye_metrics", false).put("strap_period_ms", 250).put("qos", 1)
          .put("accounts", accounts);
      List<UUID> users = new ArrayList<>();
      for (SimAthlete a : new FloorSimulator(FloorSimulatorOptions.fromJson(sim).spec()).truth().athletes()) {
        String id = http.post(port, "127.0.0.1", "/fitness/users/profile").bearerTokenAuthentication(token)
            .sendJsonObject(new JsonObject().put("username", a.username()).put("email", a.username() + "@example.test"))
            .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("user_id");
        users.add(UUID.fromString(id));
        for (String device : a.machineId() == null ? List.of(a.strapId()) : List.of(a.strapId(), a.machineId())) {
          assertThat(http.post(port, "127.0.0.1", "/fitness/devices/" + device + "/pair").bearerTokenAuthentication(token)
              .sendJsonObject(new JsonObject().put("user_id", id)).await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
      }
      String simId = vertx.deployVerticle(new FloorSimulatorVerticle(), new DeploymentOptions().setConfig(sim))
          .await(30, TimeUnit.SECONDS);
      // the link works before the cut
      await().atMost(Duration.ofSeconds(60)).until(() -> one(cloud, "SELECT count(*) FROM biometric_data") > 0);

      proxy.sever();
      long cloudAtCut = one(cloud, "SELECT count(*) FROM biometric_data");
      long edgeAtCut = one(edge, "SELECT count(*) FROM biometric_data");
      long end = System.currentTimeMillis() + CUT_MS;
      int i = 0;
      while (System.currentTimeMillis() < end) {
        UUID u = users.get(i % users.size());
        if (i < users.size()) {
          assertThat(http.post(port, "127.0.0.1", "/fitness/users/" + u + "/workouts").bearerTokenAuthentication(token)
              .sendJsonObject(new JsonObject().put("name", "Cut class").put("workout_type", "cardio"))
              .await(10, TimeUnit.SECONDS).statusCode()).as("the edge works while the cloud is cut").isEqualTo(201);
        }
        edge.preparedQuery("UPDATE fitness_users SET weight_kg = $2 WHERE id = $1")
            .execute(Tuple.of(u, 60.0 + i * 0.25)).await(10, TimeUnit.SECONDS);
        i++;
        Thread.sleep(2000);
      }
      long cloudBeforeRestore = one(cloud, "SELECT count(*) FROM biometric_data");
      long edgeBeforeRestore = one(edge, "SELECT count(*) FROM biometric_data");
      assertThat(edgeBeforeRestore).as("readings kept arriving on the edge").isGreaterThan(edgeAtCut + 500);
      // at most the one batch in flight at the moment of the cut can have been committed after it
      assertThat(cloudBeforeRestore - cloudAtCut).as("nothing reached the cloud while cut").isLessThanOrEqualTo(500);
      proxy.restore();

      vertx.undeploy(simId).await(30, TimeUnit.SECONDS);
      // the ingestion settles (no new reading for 2 s), then both sides must be equal
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(new java.util.concurrent.Callable<>() {
        long last = -1;

        @Override
        public Boolean call() {
          long n = one(edge, "SELECT count(*) FROM biometric_data");
          boolean stable = n == last;
          last = n;
          return stable;
        }
      });
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(ReplicationCrashIT.fingerprints(edge, cloud, true)).isEqualTo(ReplicationCrashIT.fingerprints(edge,
              edge, false)));
      assertThat(one(cloud, "SELECT count(*) - count(DISTINCT id) FROM biometric_data")).isZero();
      assertThat(one(cloud, "SELECT count(*) FROM workouts")).isEqualTo(ATHLETES);
    } finally {
      proxy.close();
      edge.close();
      cloud.close();
      vertx.close().await(10, TimeUnit.SECONDS);
      try (Connection c = DriverManager.getConnection(edgeUri.jdbcUrl(), edgeUri.user(), edgeUri.password());
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + cloudDb + " WITH (FORCE)");
      }
    }
  }

  static long one(Pool pool, String sql) {
    return ReplicationTest.one(pool, sql).getLong(0);
  }
}
