package com.clisonix.edge.gateway.config;

import com.clisonix.edge.music.MusicOptions;
import io.vertx.core.json.JsonObject;

/**
 * The whole configuration of one gateway, typed and validated. Built from the merged tree of
 * {@code gateway.yaml} and environment overrides; a mistake raises a {@link ConfigException}
 * naming the setting.
 *
 * @param cloudDb null when no cloud database is configured: replication is off
 * @param redisUri null when no Redis is configured: live cache and shared limits stay in memory
 * @param redisKeyPrefix starts every key this gateway writes, so several gyms or test runs can share one Redis
 * @param music the music verticle's settings ({@code music.*}), validated here so a mistake stops start-up
 * @param replication pacing of edge-to-cloud replication; used only when {@code cloudDb} is set
 * @param liveCache how the live cache batches its writes to Redis
 * @param cluster how to join the gym's cluster; used only with {@code --cluster}
 * @param retention the edge store's limit and its policy, and the budget capacity is reported against
 */
public record GatewayConfig(boolean demo, HttpOptions http, MqttOptions mqtt, PgUri edgeDb, int edgePoolSize,
    PgUri cloudDb, String redisUri, String redisKeyPrefix, AuthOptions auth, EncryptionOptions encryption,
    GymOptions gym, MusicOptions music, ReplicationOptions replication, LiveCacheOptions liveCache,
    ClusterOptions cluster, RetentionOptions retention) {

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
    String prefix = r.string("redis.key_prefix", "clisonix:" + gym.id() + ":");
    MusicOptions music = music(r, mqtt.root());
    ReplicationOptions replication = ReplicationOptions.from(r);
    LiveCacheOptions liveCache = LiveCacheOptions.from(r);
    ClusterOptions cluster = ClusterOptions.from(r);
    RetentionOptions retention = RetentionOptions.from(r);
    return new GatewayConfig(demo, http, mqtt, edge, pool, cloud, redis, prefix, auth, enc, gym, music, replication,
        liveCache, cluster, retention);
  }

  private static MusicOptions music(ConfigReader r, String root) {
    Object section = r.raw("music");
    if (section != null && !(section instanceof JsonObject)) {
      throw new ConfigException("music", "music must be a section of keys (output, clock_output, mode, style, min_bpm, "
          + "max_bpm, bpm, seed, lead_ms, timing_priority)");
    }
    JsonObject conf = section == null ? new JsonObject() : ((JsonObject) section).copy();
    try {
      return MusicOptions.fromJson(conf.put("mqtt_root", root));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("music", e.getMessage());
    }
  }

  /** The music verticle's deployment configuration. */
  public JsonObject musicVerticleConfig() {
    return new JsonObject().put("output", music.output()).put("clock_output", music.clockOutput())
        .put("mode", music.settings().mode().wireName()).put("style", music.settings().style().wireName())
        .put("min_bpm", music.settings().minBpm()).put("max_bpm", music.settings().maxBpm())
        .put("bpm", music.settings().manualBpm().isPresent() ? music.settings().manualBpm().getAsDouble() : null)
        .put("seed", music.seed()).put("lead_ms", music.lead().toMillis()).put("mqtt_root", music.mqttRoot())
        .put("timing_priority", music.timingPriority().wireName());
  }
}
