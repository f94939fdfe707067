package com.clisonix.edge.sensor.ingest;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.UUID;

/**
 * One decoded quantity of a paired athlete, as it is journaled and analysed.
 *
 * @param measuredAt epoch milliseconds: the payload's {@code ts} when it had one, else arrival
 * @param deviceType the contract's {@code device_type} (chest_strap, bike, treadmill, ..., camera)
 * @param rawJson the message's undecoded rest (raw payload, fields without a reading name) as JSON,
 *     on the first reading of a message only; null on the others
 */
public record Reading(UUID userId, ReadingType type, double value, String unit, long measuredAt, String deviceId,
    String deviceType, String source, String rawJson) {}
