package com.clisonix.edge.sensor.ingest;

/**
 * A device seen on the floor, paired or not: what {@code GET /fitness/devices} and the dashboard's
 * unassigned list show. Null fields are unknown.
 *
 * @param kind {@code strap} or {@code machine}
 * @param lastValueJson the last decoded values, as a small JSON object
 */
public record DeviceSighting(String deviceId, String kind, String deviceType, String bridgeId, long seenAt,
    Integer rssi, Integer battery, String lastValueJson) {}
