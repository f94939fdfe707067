package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Bridges, unassigned sources and low-battery alerts as the floor shows them (CONTRACT.md §2, §4). */
class FloorSourcesTest {
  @Test
  void lowBatteryIsReportedOnceUntilItRecovers() {
    FloorSources f = new FloorSources();
    assertThat(f.battery("D1", 40)).isFalse();
    assertThat(f.battery("D1", 14)).as("below 15 %").isTrue();
    assertThat(f.battery("D1", 12)).as("once").isFalse();
    assertThat(f.battery("D1", 15)).isFalse();
    assertThat(f.battery("D1", 10)).as("again after recovering").isTrue();
    assertThat(f.battery("D2", 5)).as("per device").isTrue();
  }

  @Test
  void unassignedSourcesLastFiveMinutes() {
    FloorSources f = new FloorSources();
    long t0 = 1_000_000;
    f.unassigned("AABBCCDDEEFF", "strap", t0, new DeviceSighting("AABBCCDDEEFF", "strap", "chest_strap", "b1", t0, -60, 80,
        "{\"heart_rate\":72}"));
    f.unassigned("cam1:3", "camera_track", t0 + 1000, null);
    JsonObject strap = f.unassignedJson(t0 + 60_000).stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("device_id").equals("AABBCCDDEEFF")).findFirst().orElseThrow();
    assertThat(strap.getString("kind")).isEqualTo("strap");
    assertThat(strap.getInteger("rssi")).isEqualTo(-60);
    assertThat(strap.getJsonObject("last_value").getInteger("heart_rate")).isEqualTo(72);
    assertThat(f.unassignedJson(t0 + 60_000)).hasSize(2);
    assertThat(f.unassignedJson(t0 + 5 * 60_000 + 500)).as("the strap's five minutes are over").hasSize(1);
    f.assigned("cam1:3");
    assertThat(f.unassignedJson(t0 + 5 * 60_000 + 500)).isEmpty();
  }

  @Test
  void bridgeStatusChangesAreEventsRepeatsAreNot() {
    FloorSources f = new FloorSources();
    assertThat(f.bridgeStatus("b1", true, 1)).isTrue();
    assertThat(f.bridgeStatus("b1", true, 2)).isFalse();
    assertThat(f.bridgeStatus("b1", false, 3)).isTrue();
    f.bridgeSeen("b2", 4);
    assertThat(f.bridgesJson()).hasSize(2);
  }
}
