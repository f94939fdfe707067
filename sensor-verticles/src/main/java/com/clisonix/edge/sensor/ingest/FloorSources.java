package com.clisonix.edge.sensor.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What the floor looks like from the broker's side: bridges with their status, and devices or
 * camera tracks seen in the last five minutes that nobody is paired with (the contract's section 2).
 */
final class FloorSources {
  static final long UNASSIGNED_MS = 5 * 60_000;
  static final int LOW_BATTERY = 15;

  private record Bridge(String status, long lastSeen) {}

  private record Unassigned(String kind, long lastSeen, Integer rssi, Integer battery, String lastValue) {}

  private final Map<String, Bridge> bridges = new HashMap<>();
  private final Map<String, Unassigned> unassigned = new HashMap<>();
  private final Map<String, Boolean> lowBattery = new HashMap<>();

  /** @return true when the status changed (an event worth publishing) */
  boolean bridgeStatus(String bridgeId, boolean online, long now) {
    Bridge before = bridges.put(bridgeId, new Bridge(online ? "online" : "offline", now));
    return before == null || !before.status().equals(online ? "online" : "offline");
  }

  void bridgeSeen(String bridgeId, long now) {
    Bridge b = bridges.get(bridgeId);
    bridges.put(bridgeId, new Bridge(b == null ? "online" : b.status(), now));
  }

  void unassigned(String id, String kind, long now, DeviceSighting s) {
    unassigned.put(id, new Unassigned(kind, now, s == null ? null : s.rssi(), s == null ? null : s.battery(),
        s == null ? null : s.lastValueJson()));
  }

  void assigned(String id) {
    unassigned.remove(id);
  }

  /** @return true when the device just went below the low-battery mark (once until it recovers) */
  boolean battery(String deviceId, int percent) {
    boolean low = percent < LOW_BATTERY;
    Boolean was = lowBattery.put(deviceId, low);
    return low && !Boolean.TRUE.equals(was);
  }

  JsonArray bridgesJson() {
    JsonArray out = new JsonArray();
    bridges.forEach((id, b) -> out.add(new JsonObject().put("id", id).put("status", b.status())
        .put("last_seen", Instant.ofEpochMilli(b.lastSeen()).toString())));
    return out;
  }

  JsonArray unassignedJson(long now) {
    JsonArray out = new JsonArray();
    for (Iterator<Map.Entry<String, Unassigned>> it = unassigned.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Unassigned> e = it.next();
      Unassigned u = e.getValue();
      if (now - u.lastSeen() > UNASSIGNED_MS) {
        it.remove();
        continue;
      }
      out.add(new JsonObject().put("device_id", e.getKey()).put("kind", u.kind())
          .put("last_seen", Instant.ofEpochMilli(u.lastSeen()).toString()).put("rssi", u.rssi()).put("battery", u.battery())
          .put("last_value", u.lastValue() == null ? null : new JsonObject(u.lastValue())));
    }
    return out;
  }
}
