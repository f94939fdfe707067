package com.clisonix.edge.gateway.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Screening and rounding of the numbers that reach the statistics.
 *
 * <p>Values are screened rather than rejected: a negative distance or a heart rate of 900 in one
 * row is treated as "unknown" for that row and the rest of the history still counts.
 */
final class Measures {

    /**
     * Heart rates outside this band are not physiological readings; CONTRACT.md §1 drops them at
     * ingestion with the same limits, so a stored workout summary outside it is treated as unknown.
     */
    static final double MIN_HEART_RATE = 20.0;
    static final double MAX_HEART_RATE = 300.0;

    private Measures() {
    }

    /** The value when it is a finite number of at least zero, else null. */
    static Double nonNegative(Double value) {
        return value != null && Double.isFinite(value) && value >= 0 ? value : null;
    }

    /** The value when it is a finite number above zero, else null. */
    static Double positive(Double value) {
        return value != null && Double.isFinite(value) && value > 0 ? value : null;
    }

    /** The value when it is a plausible heart rate in bpm, else null. */
    static Double heartRate(Double value) {
        return value != null && value >= MIN_HEART_RATE && value <= MAX_HEART_RATE ? value : null;
    }

    /**
     * A form score that was actually given: above 0 and at most 100. The spec's {@code form_score}
     * column defaults to 0.0, so 0 means "never scored" far more often than "scored zero".
     */
    static Double formScore(Double value) {
        return value != null && value > 0 && value <= 100 ? value : null;
    }

    /** Rounds half away from zero to one decimal, the precision of every fractional statistic. */
    static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@link #oneDecimal(double)} that lets null through. */
    static Double oneDecimal(Double value) {
        return value == null ? null : oneDecimal(value.doubleValue());
    }
}
