package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.sensor.ingest.Reading;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the live cache writes in one go: the newest {@code AthleteMetrics} of each athlete that
 * changed (older ones of the same athlete were coalesced away) and the readings that arrived.
 */
public record LiveBatch(Map<UUID, JsonObject> metrics, List<Reading> readings) {

  public boolean isEmpty() {
    return metrics.isEmpty() && readings.isEmpty();
  }
}
