package com.clisonix.edge.music.midi;

import java.util.Objects;

/** Result of opening a configured MIDI output. */
public sealed interface OpenResult {

    /** The output is open; close it when the music stops. */
    record Opened(MidiOutput output) implements OpenResult {
        public Opened {
            Objects.requireNonNull(output, "output");
        }
    }

    /** The output could not be opened. */
    record Failed(OutputError error) implements OpenResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
