package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How the cache writes a reading, and reads the time of a metrics object. */
public final class LiveCacheJson {
  private LiveCacheJson() {}

  /** A reading as the cache keeps it: its reading-vocabulary name, value, unit, time and source. */
  static JsonObject reading(Reading r) {
    return new JsonObject()
        .put("type", r.type().wireName())
        .put("value", r.value())
        .put("unit", r.unit())
        .put("ts", Instant.ofEpochMilli(r.measuredAt()).toString())
        .put("device_id", r.deviceId())
        .put("device_type", r.deviceType())
        .put("source", r.source());
  }

  /** The {@code ts} of a metrics object (ISO-8601, with or without offset) in epoch ms; -1 when absent or unreadable. */
  public static long epochMs(JsonObject o) {
    Object ts = o == null ? null : o.getValue("ts");
    if (ts instanceof Number n) {
      return n.longValue();
    }
    if (!(ts instanceof String s) || s.isBlank()) {
      return -1;
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        return -1;
      }
    }
  }
}
