package com.clisonix.edge.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway killed with SIGKILL while a bridge publishes QoS 1, then started again: every
 * message the broker accepted is stored exactly once. Half the messages carry a ts (named by
 * content), half do not (named by packet id while in flight), so both once-only paths are crossed
 * by the crash.
 */
@RealServices
@org.junit.jupiter.api.Tag("system") // relies on the gym's Mosquitto keeping the session across a restart
class IngestCrashIT {
  static final String STRAP = "C0FFEE000001";

  @Test
  void sigkillMidStreamLosesAndDuplicatesNothing(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(com.clisonix.edge.gateway.GatewayProcessHandle.shippedYaml(), dir.resolve("config/gateway.yaml"));
    // one node id for both lives of the box: the broker keeps its session (and its unacknowledged messages)
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().connectingTo(PgUri.parse("edge_db.uri", pg.uri()).connectOptions()).using(vertx).build();
    int n = 3000;
    try (com.clisonix.edge.gateway.GatewayProcessHandle first = com.clisonix.edge.gateway.GatewayProcessHandle.start(dir, env)) {
      int port = first.awaitPort(60);
      WebClient http = WebClient.create(vertx);
      String token = http.post(port, "127.0.0.1", "/fitness/auth/token").sendJsonObject(new JsonObject()
          .put("username", "admin").put("password", GatewayTestConfig.ADMIN_PASSWORD)).await(10, TimeUnit.SECONDS)
          .bodyAsJsonObject().getString("access_token");
      String user = http.post(port, "127.0.0.1", "/fitness/users/profile").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("username", "crash").put("email", "crash@example.com"))
          .await(10, TimeUnit.SECONDS).bodyAsJsonObject().getString("user_id");
      assertThat(http.post(port, "127.0.0.1", "/fitness/devices/" + STRAP + "/pair").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("user_id", user)).await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

      BridgePublisher bridge = new BridgePublisher(vertx, mqtt, "crashbridge");
      long base = System.currentTimeMillis() - 120_000;
      List<Future<Void>> window = new ArrayList<>();
      com.clisonix.edge.gateway.GatewayProcessHandle second = null;
      try {
        for (int i = 0; i < n; i++) {
          String topic = mqtt.topicRoot() + "/ble/crashbridge/" + STRAP + "/2a37";
          byte[] payload;
          if (i % 2 == 0) {
            payload = new JsonObject().put("hex", String.format("00%02X", 60 + i % 140)).put("ts", base + i).encode()
                .getBytes(StandardCharsets.UTF_8);
            topic += "/json";
          } else {
            payload = new byte[] {0x00, (byte) (60 + i % 140)};
          }
          window.add(bridge.publish(topic, payload, 1));
          if (window.size() >= 100) {
            Future.all(window).await(30, TimeUnit.SECONDS);
            window.clear();
          }
          if (i == n / 3) {
            // mid-stream, with batches in flight between receipt and commit
            first.kill();
          }
          if (i == 2 * n / 3) {
            second = com.clisonix.edge.gateway.GatewayProcessHandle.start(dir, env);
          }
        }
        Future.all(window).await(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
            .until(() -> count(db, user) >= n);
        Thread.sleep(2000);
        assertThat(count(db, user)).as("every accepted message exactly once").isEqualTo(n);
      } finally {
        bridge.close();
        if (second != null) {
          second.close();
        }
      }
    } finally {
      db.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static long count(Pool db, String user) throws Exception {
    return db.preparedQuery("SELECT count(*) FROM biometric_data WHERE user_id = $1 AND biometric_type = 'heart_rate'")
        .execute(Tuple.of(UUID.fromString(user))).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
  }
}
