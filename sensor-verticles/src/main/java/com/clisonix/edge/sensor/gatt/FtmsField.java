package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Objects;

/**
 * One field of an FTMS data characteristic: its reading type, wire encoding and scaling.
 *
 * <p>A normal field decodes as {@code raw / divisor} (the SIG's decimal and binary exponents
 * expressed as a divisor, so that e.g. 280 / 100 is exactly 2.8). An inverse field decodes as
 * {@code inverseNumerator / raw}; it exists for the treadmill's pace, sent as a speed in
 * 0.1 km/min but reported in s/km (600 / raw), where raw 0 means "not moving" and yields no
 * reading. {@code notAvailable} is the raw value the machine sends when it has no value (e.g.
 * {@code 0xFFFF} energy per hour), or {@link #NONE}.
 */
public record FtmsField(ReadingType type, WireType wire, double divisor, double inverseNumerator,
                        long notAvailable) {

    /** Marker for a field without a "not available" value. */
    public static final long NONE = Long.MIN_VALUE;

    public FtmsField {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wire, "wire");
    }

    public static FtmsField of(ReadingType type, WireType wire, double divisor) {
        return new FtmsField(type, wire, divisor, 0, NONE);
    }

    public static FtmsField of(ReadingType type, WireType wire, double divisor, long notAvailable) {
        return new FtmsField(type, wire, divisor, 0, notAvailable);
    }

    public static FtmsField inverse(ReadingType type, WireType wire, double numerator) {
        return new FtmsField(type, wire, 1, numerator, 0);
    }

    public boolean isInverse() {
        return inverseNumerator != 0;
    }

    /** True when {@code raw} is this field's "no value" marker. */
    public boolean isNotAvailable(long raw) {
        return notAvailable != NONE && raw == notAvailable;
    }

    /** Converts a raw wire value to the reading's unit (not called for "not available"). */
    public double toValue(long raw) {
        return isInverse() ? inverseNumerator / raw : raw / divisor;
    }

    /**
     * Converts a value in the reading's unit back to the nearest raw value.
     *
     * @throws IllegalArgumentException when the value does not fit the wire type
     */
    public long toRaw(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(type.wireName() + " must be finite: " + value);
        }
        long raw;
        if (isInverse()) {
            if (value <= 0) {
                throw new IllegalArgumentException(type.wireName() + " must be positive: " + value);
            }
            raw = Math.round(inverseNumerator / value);
        } else {
            raw = Math.round(value * divisor);
        }
        if (raw < wire.min() || raw > wire.max() || isNotAvailable(raw) || (isInverse() && raw == 0)) {
            throw new IllegalArgumentException(type.wireName() + " " + value + " does not fit " + wire);
        }
        return raw;
    }
}
