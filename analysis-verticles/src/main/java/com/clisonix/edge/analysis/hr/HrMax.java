package com.clisonix.edge.analysis.hr;

import java.util.Objects;
import java.util.Optional;

/**
 * A maximum heart rate together with its origin.
 *
 * @param bpm     the maximum heart rate in beats per minute (may be fractional for estimates)
 * @param source  whether the value was measured or estimated
 * @param formula the formula used when {@code source} is {@link HrMaxSource#ESTIMATED}; empty for a
 *                measured value
 */
public record HrMax(double bpm, HrMaxSource source, Optional<HrMaxFormula> formula) {

    public HrMax {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(formula, "formula");
        if (!(bpm > 0) || Double.isInfinite(bpm)) {
            throw new IllegalArgumentException("HRmax must be a positive finite number: " + bpm);
        }
    }

    /** A value from the profile. */
    public static HrMax measured(double bpm) {
        return new HrMax(bpm, HrMaxSource.MEASURED, Optional.empty());
    }

    /** A value estimated with the given formula. */
    public static HrMax estimated(double bpm, HrMaxFormula formula) {
        return new HrMax(bpm, HrMaxSource.ESTIMATED, Optional.of(formula));
    }
}
