package com.clisonix.edge.music.midi;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the class music goes, as configured.
 *
 * <p>Configuration syntax ({@link #parse}): {@code none} (no sound, e.g. a box that only records
 * and sends clock), {@code synth} (the JDK's software synthesizer), or anything else as a device
 * name: {@code device:<name>} or just {@code <name>}, matched as a case-insensitive substring.
 */
public sealed interface OutputTarget {

    /** Discard every message. */
    record None() implements OutputTarget {
    }

    /** The JDK software synthesizer ({@code MidiSystem.getSynthesizer()}). */
    record SoftwareSynth() implements OutputTarget {
    }

    /** A MIDI device whose name contains {@code nameContains}, ignoring case. */
    record Device(String nameContains) implements OutputTarget {
        public Device {
            Objects.requireNonNull(nameContains, "nameContains");
            if (nameContains.isBlank()) {
                throw new IllegalArgumentException("a device name must not be blank");
            }
        }
    }

    /** Parses a configuration value; {@code null} or blank means {@code none}. */
    static OutputTarget parse(String value) {
        if (value == null || value.isBlank()) {
            return new None();
        }
        String trimmed = value.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return new None();
        }
        if (lower.equals("synth") || lower.equals("software")) {
            return new SoftwareSynth();
        }
        if (lower.startsWith("device:")) {
            String name = trimmed.substring("device:".length()).strip();
            return name.isEmpty() ? new None() : new Device(name);
        }
        return new Device(trimmed);
    }
}
