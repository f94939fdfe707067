package com.clisonix.edge.sensor.reading;

import java.util.Objects;

/**
 * One decoded quantity: a reading type and its value in that type's unit.
 *
 * <p>The value is kept exactly as decoded; plausibility is judged later by
 * {@code com.clisonix.edge.sensor.decode.PlausibilityRules}, so a decoder never hides what the
 * device actually sent.
 */
public record Measurement(ReadingType type, double value) {

    public Measurement {
        Objects.requireNonNull(type, "type");
    }

    /** True when the value is finite and within the type's plausible range. */
    public boolean isPlausible() {
        return type.isPlausible(value);
    }
}
