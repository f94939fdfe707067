package com.clisonix.edge.analysis.hrv;

/**
 * What pNN50 is divided by. Libraries disagree (training-science reference §7):
 * {@code Aura-healthcare/hrv-analysis} divides by the number of successive differences,
 * {@code rhenanbartels/hrv} by the number of intervals. The product uses {@link #DIFFERENCES}
 * because NN50 counts differences, so the ratio is a true proportion; {@link #INTERVALS} exists to
 * reproduce the other library's numbers.
 */
public enum Pnn50Denominator {
    /** Number of successive differences used (N - 1 for an unbroken series). Product default. */
    DIFFERENCES,
    /** Number of NN intervals (N). */
    INTERVALS
}
