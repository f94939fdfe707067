package com.clisonix.edge.music.tempo;

import java.util.Locale;
import java.util.Optional;

/**
 * How the planner chooses the class tempo. The wire names are the values of the {@code mode}
 * field of the {@code Tempo} JSON object (CONTRACT.md §4).
 */
public enum TempoMode {
    /** Tempo follows the floor's training intensity (median %HRR) through the intensity curve. */
    INTENSITY("intensity"),
    /** Tempo locks to the floor's median pedalling cadence or step rate (or its half or double). */
    CADENCE("cadence"),
    /** The coach sets the tempo. */
    MANUAL("manual");

    private final String wireName;

    TempoMode(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in JSON and configuration. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name, ignoring case and surrounding blanks; empty for unknown names. */
    public static Optional<TempoMode> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (TempoMode mode : values()) {
            if (mode.wireName.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
