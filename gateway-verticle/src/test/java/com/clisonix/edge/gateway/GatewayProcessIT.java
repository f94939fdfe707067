package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.testing.Credentials;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar without --demo, configured by environment variables, on real services. */
@RealServices
class GatewayProcessIT {

  @Test
  void startsOnRunningServicesAndStopsInOrderOnSigterm(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(GatewayProcessIT.shippedYaml(), dir.resolve("config/gateway.yaml"));
    Map<String, String> env = GatewayTestConfig.env(pg, redis, mqtt);
    Vertx vertx = Vertx.vertx();
    Map<String, String> retained = new ConcurrentHashMap<>();
    Credentials gwAccount = mqtt.gateway();
    MqttClient observer = MqttClient.create(vertx, new MqttClientOptions().setClientId("observer-" + System.nanoTime())
        .setUsername(gwAccount.username()).setPassword(gwAccount.password()));
    observer.publishHandler(m -> retained.put(m.topicName(), m.payload().toString()));
    observer.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
    observer.subscribe(mqtt.topicRoot() + "/gateway/status", 1).await(10, TimeUnit.SECONDS);
    try (GatewayProcess gw = GatewayProcess.start(dir, env)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> gw.httpPort() > 0 || !gw.alive());
      assertThat(gw.httpPort()).as(gw.output()).isPositive();
      HttpClient client = HttpClient.newHttpClient();
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.httpPort() + "/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> "online".equals(retained.get(mqtt.topicRoot() + "/gateway/status")));

      gw.terminate();
      assertThat(gw.waitFor(30)).as(gw.output()).isZero();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> "offline".equals(retained.get(mqtt.topicRoot() + "/gateway/status")));
      String all = gw.output();
      assertThat(all).doesNotContain(GatewayTestConfig.JWT_SECRET).doesNotContain(GatewayTestConfig.ADMIN_PASSWORD)
          .doesNotContain(gwAccount.password());
      // orderly: the broker link went before HTTP, and the process said it stopped
      int mqttDown = indexOf(gw, "event=mqtt_disconnected");
      assertThat(mqttDown).isPositive().isLessThan(indexOf(gw, "event=gateway_stopped"));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMissingSecretStopsStartUpWithOneLineNamingIt(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(shippedYaml(), dir.resolve("config/gateway.yaml"));
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    env.remove("CLISONIX_JWT_SECRET");
    try (GatewayProcess gw = GatewayProcess.start(dir, env)) {
      assertThat(gw.waitFor(30)).isEqualTo(2);
      Thread.sleep(200);
      assertThat(gw.stderr()).as(gw.output()).hasSize(1);
      assertThat(gw.stderr().get(0)).startsWith("clisonix-edge: configuration error: CLISONIX_JWT_SECRET (auth.jwt_secret) is missing");
      assertThat(gw.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void aDefaultAdminPasswordIsRefusedOutsideTheDemo(PostgresService pg, RedisService redis, MqttService mqtt,
      @TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>(GatewayTestConfig.env(pg, redis, mqtt));
    env.put("CLISONIX_ADMIN_PASSWORD", "changeme");
    Path file = dir.resolve("box.yaml");
    Files.copy(shippedYaml(), file);
    try (GatewayProcess gw = GatewayProcess.start(dir, env, "--config", file.toString())) {
      assertThat(gw.waitFor(30)).isEqualTo(2);
      Thread.sleep(200);
      assertThat(String.join("\n", gw.stderr())).contains("CLISONIX_ADMIN_PASSWORD").contains("default");
    }
  }

  static int indexOf(GatewayProcess gw, String marker) {
    for (int i = 0; i < gw.stderr().size(); i++) {
      if (gw.stderr().get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }

  static Path shippedYaml() {
    Path d = Path.of(System.getProperty("clisonix.repo.root", "..")).toAbsolutePath();
    while (d != null && !Files.exists(d.resolve("config/gateway.yaml"))) {
      d = d.getParent();
    }
    return d.resolve("config/gateway.yaml");
  }
}
