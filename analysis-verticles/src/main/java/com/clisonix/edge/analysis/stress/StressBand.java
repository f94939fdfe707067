package com.clisonix.edge.analysis.stress;

/**
 * The five bands of the stress scale with the exact {@code interpretation} strings of the API.
 * Each band owns its lower bound: 20 is "Relaxed", 80 is "Very Stressed"; 100 is "Very Stressed".
 */
public enum StressBand {
    VERY_RELAXED("Very Relaxed", 0),
    RELAXED("Relaxed", 20),
    NORMAL("Normal", 40),
    STRESSED("Stressed", 60),
    VERY_STRESSED("Very Stressed", 80);

    private final String interpretation;
    private final int lowerBound;

    StressBand(String interpretation, int lowerBound) {
        this.interpretation = interpretation;
        this.lowerBound = lowerBound;
    }

    /** The text the API returns as {@code interpretation}. */
    public String interpretation() {
        return interpretation;
    }

    /** Lowest level (inclusive) in the band. */
    public int lowerBound() {
        return lowerBound;
    }

    /** The band of a level 0-100 (values outside are clamped). */
    public static StressBand of(int level) {
        StressBand band = VERY_RELAXED;
        for (StressBand b : values()) {
            if (level >= b.lowerBound) {
                band = b;
            }
        }
        return band;
    }
}
