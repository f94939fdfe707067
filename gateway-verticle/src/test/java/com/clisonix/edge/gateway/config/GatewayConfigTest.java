package com.clisonix.edge.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped config/gateway.yaml, the contract's environment overrides, and every refusal. */
class GatewayConfigTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
  static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  static Vertx vertx;
  static JsonObject shipped;

  @BeforeAll
  static void loadShippedFile() throws Exception {
    vertx = Vertx.vertx();
    shipped = ConfigLoader.load(vertx, shippedYaml()).await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static Path shippedYaml() {
    Path dir = Path.of(System.getProperty("clisonix.repo.root", "..")).toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("config/gateway.yaml"))) {
      dir = dir.getParent();
    }
    return dir.resolve("config/gateway.yaml");
  }

  static Map<String, String> requiredEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("CLISONIX_JWT_SECRET", SECRET);
    env.put("CLISONIX_ADMIN_PASSWORD", "a-long-own-password");
    env.put("CLISONIX_ENCRYPTION_KEYS", KEY);
    env.put("CLISONIX_ENCRYPTION_LOOKUP_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    return env;
  }

  static GatewayConfig parse(Map<String, String> env, boolean demo) {
    return GatewayConfig.from(ConfigLoader.applyOverrides(shipped, env), demo);
  }

  @Test
  void shippedFileWithSecretsFromTheEnvironmentIsValid() {
    GatewayConfig c = parse(requiredEnv(), false);
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.http().tls()).isFalse();
    assertThat(c.mqtt().host()).isEqualTo("127.0.0.1");
    assertThat(c.mqtt().port()).isEqualTo(1883);
    assertThat(c.mqtt().root()).isEqualTo("gym/demo");
    assertThat(c.mqtt().theengsTopics()).containsExactly("home/+/BTtoMQTT/+");
    assertThat(c.edgeDb().database()).isEqualTo("clisonix");
    assertThat(c.cloudDb()).as("replication is off without a cloud URI").isNull();
    assertThat(c.auth().jwtAlgorithm()).isEqualTo("HS256");
    assertThat(c.auth().requestsPerMinute()).isEqualTo(100);
    assertThat(c.auth().deviceRequestsPerMinute()).isEqualTo(6000);
    assertThat(c.encryption().current().id()).isEqualTo("k1");
    assertThat(c.gym().id()).isEqualTo("gym-1");
  }

  @Test
  void everyEnvironmentVariableOverridesItsKey() {
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_HTTP_PORT", "9443");
    env.put("CLISONIX_MQTT_URI", "mqtts://gw:p%40ss@broker.local");
    env.put("CLISONIX_MQTT_ROOT", "gym/riverside");
    env.put("CLISONIX_EDGE_PG_URI", "postgresql://edge:pw@db.local:5433/edge?sslmode=require");
    env.put("CLISONIX_CLOUD_PG_URI", "postgres://cloud@cloud.example.net/chain?sslmode=verify-full");
    env.put("CLISONIX_REDIS_URI", "redis://127.0.0.1:6380");
    env.put("CLISONIX_GYM_ID", "riverside");
    env.put("CLISONIX_NODE_ID", "zone-a");
    Path cert = Path.of("src/test/resources/tls/cert.pem").toAbsolutePath();
    Path key = Path.of("src/test/resources/tls/key.pem").toAbsolutePath();
    env.put("CLISONIX_TLS_CERT", cert.toString());
    env.put("CLISONIX_TLS_KEY", key.toString());
    GatewayConfig c = parse(env, false);
    assertThat(c.http().port()).isEqualTo(9443);
    assertThat(c.http().tls()).isTrue();
    assertThat(c.mqtt().tls()).isTrue();
    assertThat(c.mqtt().port()).as("mqtts default port").isEqualTo(8883);
    assertThat(c.mqtt().username()).isEqualTo("gw");
    assertThat(c.mqtt().password()).isEqualTo("p@ss");
    assertThat(c.mqtt().root()).isEqualTo("gym/riverside");
    assertThat(c.edgeDb()).isEqualTo(new PgUri("db.local", 5433, "edge", "edge", "pw", "require"));
    assertThat(c.cloudDb().sslmode()).isEqualTo("verify-full");
    assertThat(c.cloudDb().port()).isEqualTo(5432);
    assertThat(c.redisUri()).isEqualTo("redis://127.0.0.1:6380");
    assertThat(c.gym().mqttClientId()).isEqualTo("clisonix-riverside-zone-a");
  }

  @Test
  void everyOverridableKeyIsDocumentedInTheShippedFile() throws Exception {
    String yaml = Files.readString(shippedYaml());
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(yaml).as("gateway.yaml names " + k.env()).contains("ENV " + k.env());
      String leaf = k.path().substring(k.path().lastIndexOf('.') + 1);
      assertThat(yaml).as("gateway.yaml documents " + k.path()).containsPattern("(?m)^\\s*#?\\s*" + leaf + ":");
    }
  }

  @Test
  void missingJwtSecretNamesTheVariable() {
    Map<String, String> env = requiredEnv();
    env.remove("CLISONIX_JWT_SECRET");
    assertThatThrownBy(() -> parse(env, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CLISONIX_JWT_SECRET")
        .hasMessageContaining("32 bytes")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("auth.jwt_secret"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void shortJwtSecretIsRefused() {
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_JWT_SECRET", "too-short");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_JWT_SECRET").hasMessageContaining("too short");
  }

  @Test
  void unreadableJwtKeyFileIsRefused() {
    Map<String, String> env = requiredEnv();
    env.remove("CLISONIX_JWT_SECRET");
    env.put("CLISONIX_JWT_KEY_FILE", "/nonexistent/key.pem");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_JWT_KEY_FILE").hasMessageContaining("PEM");
  }

  @Test
  void adminPasswordIsRequiredAndDefaultsAreRefusedOutsideTheDemo() {
    Map<String, String> env = requiredEnv();
    env.remove("CLISONIX_ADMIN_PASSWORD");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_ADMIN_PASSWORD").hasMessageContaining("missing");
    env.put("CLISONIX_ADMIN_PASSWORD", "changeme");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_ADMIN_PASSWORD").hasMessageContaining("default");
    env.put("CLISONIX_ADMIN_PASSWORD", "Admin");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("default");
    env.put("CLISONIX_ADMIN_PASSWORD", "short-pw");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("too short");
    env.put("CLISONIX_ADMIN_PASSWORD", "changeme");
    assertThat(parse(env, true).auth().adminPassword()).as("the demo may use anything").isEqualTo("changeme");
  }

  @Test
  void encryptionKeysMustBe32BytesWithDistinctIds() {
    Map<String, String> env = requiredEnv();
    env.remove("CLISONIX_ENCRYPTION_KEYS");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_ENCRYPTION_KEYS").hasMessageContaining("missing");
    env.put("CLISONIX_ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(new byte[16]));
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("16 bytes");
    env.put("CLISONIX_ENCRYPTION_KEYS", "k1:not*base64");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("base64");
    env.put("CLISONIX_ENCRYPTION_KEYS", Base64.getEncoder().encodeToString(new byte[32]));
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("key id");
    env.put("CLISONIX_ENCRYPTION_KEYS", KEY + "," + KEY);
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("twice");
    env.put("CLISONIX_ENCRYPTION_KEYS", "k2:" + Base64.getEncoder().encodeToString(new byte[32]) + ", " + KEY);
    GatewayConfig c = parse(env, false);
    assertThat(c.encryption().keys()).extracting(EncryptionOptions.EncryptionKey::id).containsExactly("k2", "k1");
    assertThat(c.encryption().current().id()).isEqualTo("k2");
  }

  @Test
  void lookupKeyIsOptionalAndWhenGivenAtLeast32Bytes() {
    Map<String, String> env = requiredEnv();
    env.remove("CLISONIX_ENCRYPTION_LOOKUP_KEY");
    // the contract's variables alone start a box: it keeps a generated lookup key in its store
    EncryptionOptions unset = parse(env, false).encryption();
    assertThat(unset.hasLookupKey()).isFalse();
    assertThatThrownBy(unset::crypto).isInstanceOf(IllegalStateException.class).hasMessageContaining("lookup key");
    env.put("CLISONIX_ENCRYPTION_LOOKUP_KEY", Base64.getEncoder().encodeToString(new byte[20]));
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("20 bytes");
    env.put("CLISONIX_ENCRYPTION_LOOKUP_KEY", "not*base64");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("base64");
    env.put("CLISONIX_ENCRYPTION_LOOKUP_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    assertThat(parse(env, false).encryption().lookupKey()).hasSize(32);
    assertThat(parse(env, false).encryption().toString()).doesNotContain("AAAA");
  }

  @Test
  void badUrisNameTheirVariable() {
    String[][] cases = {
        {"CLISONIX_EDGE_PG_URI", "mysql://root@localhost/db", "scheme"},
        {"CLISONIX_EDGE_PG_URI", "postgres://localhost", "names no database"},
        {"CLISONIX_EDGE_PG_URI", "postgres://localhost/db?sslmode=sometimes", "sslmode"},
        {"CLISONIX_CLOUD_PG_URI", "http://cloud/db", "scheme"},
        {"CLISONIX_MQTT_URI", "amqp://127.0.0.1", "scheme"},
        {"CLISONIX_MQTT_URI", "mqtt:///x", "no host"},
        {"CLISONIX_REDIS_URI", "127.0.0.1:6379", "redis://"},
        {"CLISONIX_HTTP_PORT", "80000", "between 0 and 65535"},
        {"CLISONIX_HTTP_PORT", "eighty", "whole number"},
        {"CLISONIX_MQTT_ROOT", "gym/#", "wildcards"},
        {"CLISONIX_GYM_ID", "Main Gym", "lower-case"},
    };
    for (String[] c : cases) {
      Map<String, String> env = requiredEnv();
      env.put(c[0], c[1]);
      assertThatThrownBy(() -> parse(env, false)).as(c[0] + "=" + c[1])
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(c[0])
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void tlsNeedsBothFiles() {
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_TLS_CERT", Path.of("src/test/resources/tls/cert.pem").toAbsolutePath().toString());
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_TLS_KEY").hasMessageContaining("missing");
    env.put("CLISONIX_TLS_KEY", "/nonexistent/key.pem");
    assertThatThrownBy(() -> parse(env, false)).hasMessageContaining("CLISONIX_TLS_KEY").hasMessageContaining("readable");
  }

  @Test
  void secretsNeverAppearInToString() {
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_EDGE_PG_URI", "postgres://edge:db-password-1@db.local/edge");
    env.put("CLISONIX_MQTT_URI", "mqtt://gw:mqtt-password-1@broker.local");
    GatewayConfig c = parse(env, false);
    String text = c.toString();
    assertThat(text).doesNotContain(SECRET, "a-long-own-password", "db-password-1", "mqtt-password-1",
        KEY.substring(3));
  }

  @Test
  void unreadableConfigFileIsOneClearError() {
    assertThatThrownBy(() -> ConfigLoader.load(vertx, Path.of("/nonexistent/gateway.yaml")).await(5, TimeUnit.SECONDS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("/nonexistent/gateway.yaml")
        .hasMessageContaining("--config");
  }

  @Test
  void clusterSettingsComeFromTheContractsVariables() {
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_CLUSTER_MEMBERS", "10.0.0.11:5701, 10.0.0.12:5801,box-c");
    env.put("CLISONIX_CLUSTER_HOST", "10.0.0.11");
    env.put("CLISONIX_CLUSTER_PORT", "5702");
    env.put("CLISONIX_EVENTBUS_PORT", "15701");
    env.put("CLISONIX_CLUSTER_PUBLIC_HOST", "192.168.1.11");
    ClusterOptions c = parse(env, false).cluster();
    assertThat(c.members()).containsExactly(new ClusterOptions.Member("10.0.0.11", 5701),
        new ClusterOptions.Member("10.0.0.12", 5801), new ClusterOptions.Member("box-c", ClusterOptions.DEFAULT_PORT));
    assertThat(c.host()).isEqualTo("10.0.0.11");
    assertThat(c.port()).isEqualTo(5702);
    assertThat(c.eventBusPort()).isEqualTo(15701);
    assertThat(c.publicHost()).isEqualTo("192.168.1.11");
  }

  @Test
  void theShippedFileHasClusterDefaultsButNoMembers() {
    ClusterOptions c = parse(requiredEnv(), false).cluster();
    assertThat(c.port()).isEqualTo(5701);
    assertThat(c.eventBusPort()).isZero();
    assertThatThrownBy(c::requireMembers).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CLISONIX_CLUSTER_MEMBERS (cluster.members) is missing");
  }

  @Test
  void aBadClusterMemberOrPortIsRefusedWithOneLine() {
    for (String bad : List.of("10.0.0.11:0", "10.0.0.11:99999", "10.0.0.11:abc", "bad host:5701")) {
      Map<String, String> env = requiredEnv();
      env.put("CLISONIX_CLUSTER_MEMBERS", bad);
      assertThatThrownBy(() -> parse(env, false)).as(bad).isInstanceOf(ConfigException.class)
          .hasMessageContaining("CLISONIX_CLUSTER_MEMBERS (cluster.members) must be a comma-separated list of host:port")
          .hasMessageNotContaining("\n");
    }
    Map<String, String> env = requiredEnv();
    env.put("CLISONIX_CLUSTER_PORT", "70000");
    assertThatThrownBy(() -> parse(env, false)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("CLISONIX_CLUSTER_PORT (cluster.port) must be between 1 and 65535");
  }
}
