package com.clisonix.edge.analysis.emotion;

import java.util.Locale;

/** The eight states of the product specification ("Emotion Detection"). */
public enum EmotionalState {
    RELAXED,
    CALM,
    NEUTRAL,
    FOCUSED,
    ENGAGED,
    STRESSED,
    ANXIOUS,
    FATIGUED;

    /** The lower-case name the API returns as {@code emotional_state}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
