package com.clisonix.edge.gateway.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting that an environment variable may override, with its YAML key. The list is the
 * contract's section 7; {@code config/gateway.yaml} documents each key.
 */
public enum ConfigKey {
  HTTP_PORT("CLISONIX_HTTP_PORT", "http.port"),
  TLS_CERT("CLISONIX_TLS_CERT", "http.tls_cert"),
  TLS_KEY("CLISONIX_TLS_KEY", "http.tls_key"),
  MQTT_URI("CLISONIX_MQTT_URI", "mqtt.uri"),
  MQTT_ROOT("CLISONIX_MQTT_ROOT", "mqtt.root"),
  EDGE_PG_URI("CLISONIX_EDGE_PG_URI", "edge_db.uri"),
  CLOUD_PG_URI("CLISONIX_CLOUD_PG_URI", "cloud_db.uri"),
  REDIS_URI("CLISONIX_REDIS_URI", "redis.uri"),
  GYM_ID("CLISONIX_GYM_ID", "gym.id"),
  NODE_ID("CLISONIX_NODE_ID", "gym.node_id"),
  JWT_SECRET("CLISONIX_JWT_SECRET", "auth.jwt_secret"),
  JWT_KEY_FILE("CLISONIX_JWT_KEY_FILE", "auth.jwt_key_file"),
  ADMIN_PASSWORD("CLISONIX_ADMIN_PASSWORD", "auth.admin_password"),
  ENCRYPTION_KEYS("CLISONIX_ENCRYPTION_KEYS", "encryption.keys"),
  ENCRYPTION_LOOKUP_KEY("CLISONIX_ENCRYPTION_LOOKUP_KEY", "encryption.lookup_key"),
  CLUSTER_MEMBERS("CLISONIX_CLUSTER_MEMBERS", "cluster.members"),
  CLUSTER_HOST("CLISONIX_CLUSTER_HOST", "cluster.host"),
  CLUSTER_PORT("CLISONIX_CLUSTER_PORT", "cluster.port"),
  EVENTBUS_PORT("CLISONIX_EVENTBUS_PORT", "cluster.eventbus_port"),
  CLUSTER_PUBLIC_HOST("CLISONIX_CLUSTER_PUBLIC_HOST", "cluster.public_host");

  private final String env;
  private final String path;

  ConfigKey(String env, String path) {
    this.env = env;
    this.path = path;
  }

  public String env() {
    return env;
  }

  public String path() {
    return path;
  }

  /** How an error message names this setting: both ways an operator may have set it. */
  public String label() {
    return env + " (" + path + ")";
  }

  public static Optional<ConfigKey> byPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }
}
