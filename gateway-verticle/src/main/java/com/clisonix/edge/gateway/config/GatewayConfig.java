package com.clisonix.edge.gateway.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The whole configuration of one gateway, typed and validated. Built from the merged tree of
 * {@code gateway.yaml} and environment overrides; a mistake raises a {@link ConfigException}
 * naming the setting.
 *
 * @param cloudDb null when no cloud database is configured: replication is off
 * @param redisUri null when no Redis is configured: live cache and shared limits stay in memory
 */
public record GatewayConfig(boolean demo, HttpOptions http, MqttOptions mqtt, PgUri edgeDb, int edgePoolSize,
    PgUri cloudDb, String redisUri, AuthOptions auth, EncryptionOptions encryption, GymOptions gym,
    DemoOptions demoOptions) {

  /** Demo settings: how big a simulated class, and where generated secrets and data live. */
  public record DemoOptions(int athletes, Path dataDir) {}

  public static GatewayConfig from(JsonObject tree, boolean demo) {
    ConfigReader r = new ConfigReader(tree);
    HttpOptions http = HttpOptions.from(r);
    MqttOptions mqtt = MqttOptions.from(r);
    PgUri edge = PgUri.parse("edge_db.uri", r.required("edge_db.uri",
        "postgres://user[:password]@host[:port]/database of the box's own PostgreSQL"));
    int pool = r.integer("edge_db.pool_size", 8, 1, 200);
    String cloudText = r.string("cloud_db.uri", null);
    PgUri cloud = cloudText == null ? null : PgUri.parse("cloud_db.uri", cloudText);
    String redis = r.string("redis.uri", null);
    if (redis != null && !redis.matches("rediss?://.+")) {
      throw new ConfigException("redis.uri", ConfigReader.label("redis.uri")
          + " must look like redis://[:password@]host[:port][/db], got a value with another scheme");
    }
    AuthOptions auth = AuthOptions.from(r, demo);
    EncryptionOptions enc = EncryptionOptions.from(r);
    GymOptions gym = GymOptions.from(r);
    DemoOptions demoOptions = new DemoOptions(r.integer("demo.athletes", 24, 1, 500),
        Path.of(r.string("demo.data_dir", ".clisonix-demo")));
    return new GatewayConfig(demo, http, mqtt, edge, pool, cloud, redis, auth, enc, gym, demoOptions);
  }
}
