package com.clisonix.edge.gateway;

import com.clisonix.edge.testing.Credentials;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A gateway configuration tree pointing at a test class's real services. */
public final class GatewayTestConfig {
  public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String ENCRYPTION_KEYS = "t1:" + Base64.getEncoder().encodeToString(new byte[32]);
  public static final String LOOKUP_KEY = Base64.getEncoder().encodeToString(
      "lookup-key-for-tests-lookup-key!".getBytes(StandardCharsets.US_ASCII));

  private GatewayTestConfig() {}

  /** The cipher and lookup hash of the test keys, for tests that read or write the store's raw rows. */
  public static com.clisonix.edge.gateway.crypto.StoreCrypto crypto() {
    return new com.clisonix.edge.gateway.crypto.StoreCrypto(
        new com.clisonix.edge.gateway.crypto.FieldCipher(java.util.List.of(new com.clisonix.edge.gateway.crypto.FieldCipher.Key(
            ENCRYPTION_KEYS.substring(0, ENCRYPTION_KEYS.indexOf(':')),
            Base64.getDecoder().decode(ENCRYPTION_KEYS.substring(ENCRYPTION_KEYS.indexOf(':') + 1))))),
        new com.clisonix.edge.gateway.crypto.KeyedHash(Base64.getDecoder().decode(LOOKUP_KEY)));
  }

  public static String mqttUri(MqttService mqtt) {
    Credentials gw = mqtt.gateway();
    return "mqtt://" + enc(gw.username()) + ":" + enc(gw.password()) + "@" + mqtt.host() + ":" + mqtt.port();
  }

  public static JsonObject tree(PostgresService pg, RedisService redis, MqttService mqtt) {
    return new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("mqtt", new JsonObject().put("uri", mqttUri(mqtt)).put("root", mqtt.topicRoot()))
        .put("edge_db", new JsonObject().put("uri", pg.uri()).put("pool_size", 4))
        // the class's own prefix: rate-limit and login counters must not leak between classes or runs
        .put("redis", new JsonObject().put("uri", redis.uri()).put("key_prefix", redis.keyPrefix()))
        .put("gym", new JsonObject().put("id", "test-gym").put("node_id", "node-" + Long.toHexString(System.nanoTime())))
        .put("auth", new JsonObject().put("jwt_secret", JWT_SECRET).put("admin_password", ADMIN_PASSWORD))
        .put("encryption", new JsonObject().put("keys", ENCRYPTION_KEYS).put("lookup_key", LOOKUP_KEY));
  }

  /** The same settings as environment variables, for a gateway run as a child process. */
  public static Map<String, String> env(PostgresService pg, RedisService redis, MqttService mqtt) {
    return Map.ofEntries(
        Map.entry("CLISONIX_HTTP_PORT", "0"),
        Map.entry("CLISONIX_MQTT_URI", mqttUri(mqtt)),
        Map.entry("CLISONIX_MQTT_ROOT", mqtt.topicRoot()),
        Map.entry("CLISONIX_EDGE_PG_URI", pg.uri()),
        Map.entry("CLISONIX_REDIS_URI", redis.uri()),
        Map.entry("CLISONIX_GYM_ID", "test-gym"),
        Map.entry("CLISONIX_NODE_ID", "node-" + Long.toHexString(System.nanoTime())),
        Map.entry("CLISONIX_JWT_SECRET", JWT_SECRET),
        Map.entry("CLISONIX_ADMIN_PASSWORD", ADMIN_PASSWORD),
        Map.entry("CLISONIX_ENCRYPTION_KEYS", ENCRYPTION_KEYS),
        Map.entry("CLISONIX_ENCRYPTION_LOOKUP_KEY", LOOKUP_KEY));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
