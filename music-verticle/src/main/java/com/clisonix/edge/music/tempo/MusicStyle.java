package com.clisonix.edge.music.tempo;

import java.util.Locale;
import java.util.Optional;

/**
 * The groove styles the MIDI engine can play. The wire names are the values of the {@code style}
 * field of the {@code Tempo} JSON object (CONTRACT.md §4).
 *
 * <p>{@link #AMBIENT} is the cool-down style: the planner switches to it by itself when a class
 * ends, whatever style the coach chose for the work part.
 */
public enum MusicStyle {
    HOUSE("house"),
    ROCK("rock"),
    HIP_HOP("hip_hop"),
    AMBIENT("ambient");

    private final String wireName;

    MusicStyle(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in JSON and configuration. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, ignoring case and surrounding blanks; a hyphen is accepted for the
     * underscore ({@code hip-hop}). Empty for unknown names.
     */
    public static Optional<MusicStyle> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (MusicStyle style : values()) {
            if (style.wireName.equals(wanted)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
