package com.clisonix.edge.analysis.hr;

/**
 * Where the maximum heart rate in effect came from. The profile API reports it as
 * {@code max_heart_rate_source}, so a member can see whether their zones rest on a real
 * measurement or on an age formula.
 */
public enum HrMaxSource {
    /** Taken from the profile: measured in a test or raised automatically by earlier workouts. */
    MEASURED,
    /** Estimated from age with an {@link HrMaxFormula}. */
    ESTIMATED;

    /** The lower-case name used in JSON ({@code measured} / {@code estimated}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
