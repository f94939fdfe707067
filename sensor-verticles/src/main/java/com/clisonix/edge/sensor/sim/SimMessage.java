package com.clisonix.edge.sensor.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One MQTT message the simulated floor publishes.
 *
 * @param topic    the full topic, root included
 * @param payload  the exact bytes to publish (owned by the receiver; not copied on access)
 * @param qos      0 or 1
 * @param retain   whether the broker keeps it as the topic's retained message
 * @param kind     what it carries: {@value #BRIDGE_STATUS}, {@value #HEART_RATE},
 *                 {@value #INDOOR_BIKE}, {@value #TREADMILL}, {@value #ROWER}, {@value #POSE} or
 *                 {@value #EYES}
 * @param deviceId the normalised device id for BLE data, the bridge id for a bridge status, the
 *                 camera id for pose and eye messages
 */
public record SimMessage(String topic, byte[] payload, int qos, boolean retain, String kind, String deviceId) {

  public static final String BRIDGE_STATUS = "bridge_status";
  public static final String HEART_RATE = "heart_rate";
  public static final String INDOOR_BIKE = "indoor_bike";
  public static final String TREADMILL = "treadmill";
  public static final String ROWER = "rower";
  public static final String POSE = "pose";
  public static final String EYES = "eyes";

  public SimMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deviceId, "deviceId");
  }

  /** Equal when every component is, the payload compared by content (the determinism tests rely on it). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SimMessage m && qos == m.qos && retain == m.retain && topic.equals(m.topic)
        && kind.equals(m.kind) && deviceId.equals(m.deviceId) && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, qos, retain, kind, deviceId) * 31 + Arrays.hashCode(payload);
  }

  /** Binary payloads as hex, JSON and text as text, so a failing comparison is readable. */
  @Override
  public String toString() {
    boolean text = !kind.equals(HEART_RATE) && !kind.equals(INDOOR_BIKE) && !kind.equals(TREADMILL)
        && !kind.equals(ROWER) || topic.endsWith("/json");
    String body = text ? new String(payload, StandardCharsets.UTF_8) : HexFormat.of().formatHex(payload);
    if (body.length() > 160) {
      body = body.substring(0, 160) + "...";
    }
    return "SimMessage[" + topic + " qos=" + qos + (retain ? " retained" : "") + " " + body + "]";
  }
}
