package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.auth.PasswordHasher;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.store.AccountRepository;
import com.clisonix.edge.testing.Credentials;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway started in-process on real PostgreSQL, Redis and Mosquitto: health, readiness,
 * metrics, the bootstrap account, its broker presence, HTTPS, and what a lost broker or Redis does.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayApplicationTest {
  Vertx vertx;
  GatewayApplication app;
  WebClient http;
  MqttService mqtt;
  PostgresService pg;
  RedisService redis;
  MqttClient observer;
  final Map<String, String> retained = new ConcurrentHashMap<>();

  @BeforeAll
  void start(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    this.pg = pg;
    this.redis = redis;
    this.mqtt = mqtt;
    vertx = GatewayVertx.create();
    app = GatewayApplication.start(vertx, GatewayTestConfig.tree(pg, redis, mqtt), false, null).await(60, TimeUnit.SECONDS);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()));
    Credentials up = mqtt.upstream();
    // the gateway account may read its own status topic
    Credentials gw = mqtt.gateway();
    observer = MqttClient.create(vertx, new MqttClientOptions().setClientId("observer-" + System.nanoTime())
        .setUsername(gw.username()).setPassword(gw.password()));
    observer.publishHandler(m -> retained.put(m.topicName(), m.payload().toString()));
    observer.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
    observer.subscribe(mqtt.topicRoot() + "/gateway/status", 1).await(10, TimeUnit.SECONDS);
    assertThat(up).isNotNull();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.stop().await(30, TimeUnit.SECONDS);
    }
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return http.get(path).send().await(10, TimeUnit.SECONDS);
  }

  @Test
  @Order(1)
  void liveAndReadyWhenEdgeDatabaseAndBrokerAnswer() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
    JsonObject ready = get("/health/ready").bodyAsJsonObject();
    assertThat(ready.getString("outcome")).isEqualTo("UP");
    assertThat(ready.getJsonArray("checks").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains("edge_db", "mqtt", "redis", "cloud_db");
  }

  @Test
  @Order(2)
  void fitnessHealthHasTheSpecificationsShapeAndDependencies() throws Exception {
    HttpResponse<Buffer> res = get("/fitness/health");
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject body = res.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("healthy");
    assertThat(body.getString("module")).isEqualTo("fitness_training");
    assertThat(body.getString("version")).isEqualTo("1.0.0");
    assertThat(java.time.Instant.parse(body.getString("timestamp"))).isCloseTo(java.time.Instant.now(),
        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
    assertThat(body.getJsonObject("dependencies")).isEqualTo(new JsonObject()
        .put("edge_db", "up").put("mqtt", "up").put("redis", "up").put("cloud_db", "off"));
  }

  @Test
  @Order(3)
  void metricsArePrometheusTextWithJvmAndEventBus() throws Exception {
    HttpResponse<Buffer> res = get("/metrics");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.getHeader("content-type")).startsWith("text/plain");
    String text = res.bodyAsString();
    assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge");
    assertThat(text).containsPattern("(?m)^vertx_eventbus_handlers");
    assertThat(text).containsPattern("(?m)^vertx_http_server_requests_total");
  }

  @Test
  @Order(4)
  void bootstrapAdminIsStoredWithAPbkdf2Hash() throws Exception {
    Pool pool = PgBuilder.pool().connectingTo(PgUri.parse("edge_db.uri", pg.uri()).connectOptions()).using(vertx).build();
    try {
      AccountRepository.Account admin = new AccountRepository(pool, GatewayTestConfig.crypto().hash()).findByUsername("ADMIN").await(10, TimeUnit.SECONDS)
          .orElseThrow();
      assertThat(admin.role().wireName()).isEqualTo("admin");
      assertThat(admin.passwordHash()).startsWith("pbkdf2_sha256$").doesNotContain(GatewayTestConfig.ADMIN_PASSWORD);
      assertThat(new PasswordHasher().verify(GatewayTestConfig.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
    } finally {
      pool.close();
    }
  }

  @Test
  @Order(5)
  void announcesItselfOnlineRetainedUnderItsRoot() {
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(retained.get(mqtt.topicRoot() + "/gateway/status")).isEqualTo("online"));
  }

  @org.junit.jupiter.api.Tag("system") // restarts or configures the real Mosquitto (Debian package mosquitto)
  @Test
  @Order(6)
  void notReadyWhileTheBrokerIsDownAndReadyAgainAfter() throws Exception {
    assertThat(mqtt.canRestart()).as("the gym's Mosquitto runs for this test").isTrue();
    mqtt.stop();
    try {
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        HttpResponse<Buffer> res = get("/health/ready");
        assertThat(res.statusCode()).isEqualTo(503);
        JsonObject mqttCheck = res.bodyAsJsonObject().getJsonArray("checks").stream().map(o -> (JsonObject) o)
            .filter(o -> o.getString("id").equals("mqtt")).findFirst().orElseThrow();
        assertThat(mqttCheck.getString("status")).isEqualTo("DOWN");
      });
      HttpResponse<Buffer> health = get("/fitness/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.bodyAsJsonObject().getJsonObject("dependencies").getString("mqtt")).isEqualTo("down");
      assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("unhealthy");
    } finally {
      mqtt.start();
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
  }

  @Test
  @Order(7)
  void redisDownOnlyDegradesTheBox() throws Exception {
    // a second gateway whose Redis does not answer: ready, and honest about the degradation
    Vertx other = GatewayVertx.create();
    try {
      JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt);
      tree.getJsonObject("redis").put("uri", "redis://127.0.0.1:" + freePort());
      GatewayApplication second = GatewayApplication.start(other, tree, false, null).await(60, TimeUnit.SECONDS);
      WebClient client = WebClient.create(other, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(second.httpPort()));
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(client.get("/health/ready").send().await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
      JsonObject health = client.get("/fitness/health").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
      assertThat(health.getString("status")).isEqualTo("degraded");
      assertThat(health.getJsonObject("dependencies").getString("redis")).isEqualTo("degraded");
      second.stop().await(30, TimeUnit.SECONDS);
    } finally {
      other.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(8)
  void servesHttpsWhenCertificateAndKeyAreConfigured() throws Exception {
    Vertx other = GatewayVertx.create();
    try {
      JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt);
      tree.getJsonObject("http")
          .put("tls_cert", Path.of("src/test/resources/tls/cert.pem").toAbsolutePath().toString())
          .put("tls_key", Path.of("src/test/resources/tls/key.pem").toAbsolutePath().toString());
      GatewayApplication tls = GatewayApplication.start(other, tree, false, null).await(60, TimeUnit.SECONDS);
      WebClient client = WebClient.create(other, new WebClientOptions().setSsl(true).setTrustAll(true)
          .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(tls.httpPort()));
      assertThat(client.get("/health/live").send().await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      WebClient plain = WebClient.create(other, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(tls.httpPort()).setConnectTimeout(2000));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.get("/health/live").send().await(5, TimeUnit.SECONDS))
          .as("plain HTTP is not served on the TLS port");
      tls.stop().await(30, TimeUnit.SECONDS);
    } finally {
      other.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(9)
  void orderlyStopLeavesOfflineRetained() throws Exception {
    app.stop().await(30, TimeUnit.SECONDS);
    app = null;
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(retained.get(mqtt.topicRoot() + "/gateway/status")).isEqualTo("offline"));
    // and a fresh subscriber sees it too: the message is retained
    Map<String, String> fresh = new ConcurrentHashMap<>();
    Credentials gw = mqtt.gateway();
    MqttClient late = MqttClient.create(vertx, new MqttClientOptions().setClientId("late-" + System.nanoTime())
        .setUsername(gw.username()).setPassword(gw.password()));
    late.publishHandler(m -> fresh.put(m.topicName(), m.payload().toString()));
    late.connect(mqtt.port(), mqtt.host()).await(10, TimeUnit.SECONDS);
    late.subscribe(mqtt.topicRoot() + "/gateway/status", MqttQoS.AT_LEAST_ONCE.value()).await(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fresh.get(mqtt.topicRoot() + "/gateway/status")).isEqualTo("offline"));
    late.disconnect().await(5, TimeUnit.SECONDS);
  }

  static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
