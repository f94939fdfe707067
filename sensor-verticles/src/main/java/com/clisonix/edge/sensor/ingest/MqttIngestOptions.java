package com.clisonix.edge.sensor.ingest;

import io.vertx.core.json.JsonObject;

/**
 * Where and as whom the box connects to its broker. Built from the verticle's JSON config,
 * with defaults, in the way Vert.x's own {@code *Options} are.
 */
public record MqttIngestOptions(String host, int port, boolean tls, String username, String password,
    String clientId, String root, java.util.List<String> theengsTopics, int keepAliveSeconds, long reconnectBaseMs,
    long reconnectCapMs) {

  public static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;

  public static MqttIngestOptions fromJson(JsonObject json) {
    return new MqttIngestOptions(
        json.getString("host", "127.0.0.1"),
        json.getInteger("port", 1883),
        json.getBoolean("tls", false),
        json.getString("username"),
        json.getString("password"),
        json.getString("client_id", "clisonix-gateway"),
        json.getString("root", "gym/demo"),
        json.getJsonArray("theengs_topics", new io.vertx.core.json.JsonArray().add("home/+/BTtoMQTT/+")).stream()
            .map(Object::toString).toList(),
        json.getInteger("keep_alive_seconds", DEFAULT_KEEP_ALIVE_SECONDS),
        json.getLong("reconnect_base_ms", 250L),
        json.getLong("reconnect_cap_ms", 30_000L));
  }

  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("tls", tls).put("username", username)
        .put("password", password).put("client_id", clientId).put("root", root)
        .put("theengs_topics", new io.vertx.core.json.JsonArray(theengsTopics))
        .put("keep_alive_seconds", keepAliveSeconds).put("reconnect_base_ms", reconnectBaseMs)
        .put("reconnect_cap_ms", reconnectCapMs);
  }

  /** Retained presence of the gateway, also its last will. */
  public String statusTopic() {
    return root + "/gateway/status";
  }
}
