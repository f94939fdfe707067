package com.clisonix.edge.sensor.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ingest verticle's copy of who is paired with what, replaced whole whenever the pairing
 * registry publishes a snapshot: {@code {"devices": {deviceId: userId}, "tracks": {"camera/track":
 * {"user_id", "exercise"}}, "camera_consent": [userId...]}}. Read on every message, so lookups are
 * plain hash lookups on this verticle's thread.
 */
final class PairingCache implements PairingView {
  private Map<String, UUID> devices = Map.of();
  private Map<String, UUID> trackUsers = Map.of();
  private Map<String, String> trackExercises = Map.of();
  private Set<UUID> consent = Set.of();
  private boolean loaded;

  void replace(JsonObject snapshot) {
    Map<String, UUID> d = new HashMap<>();
    snapshot.getJsonObject("devices", new JsonObject()).forEach(e -> d.put(e.getKey(), UUID.fromString((String) e.getValue())));
    Map<String, UUID> tu = new HashMap<>();
    Map<String, String> te = new HashMap<>();
    snapshot.getJsonObject("tracks", new JsonObject()).forEach(e -> {
      JsonObject t = (JsonObject) e.getValue();
      tu.put(e.getKey(), UUID.fromString(t.getString("user_id")));
      if (t.getString("exercise") != null) {
        te.put(e.getKey(), t.getString("exercise"));
      }
    });
    Set<UUID> c = new HashSet<>();
    snapshot.getJsonArray("camera_consent", new JsonArray()).forEach(u -> c.add(UUID.fromString((String) u)));
    devices = d;
    trackUsers = tu;
    trackExercises = te;
    consent = c;
    loaded = true;
  }

  boolean loaded() {
    return loaded;
  }

  @Override
  public UUID owner(String deviceId) {
    return devices.get(deviceId);
  }

  @Override
  public UUID trackOwner(String cameraId, String track) {
    return trackUsers.get(cameraId + "/" + track);
  }

  @Override
  public String trackExercise(String cameraId, String track) {
    return trackExercises.get(cameraId + "/" + track);
  }

  @Override
  public boolean cameraConsent(UUID userId) {
    return consent.contains(userId);
  }
}
