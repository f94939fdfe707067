package com.clisonix.edge.music.midi;

import java.util.List;

/** Why a configured MIDI output could not be opened; every variant names the device. */
public sealed interface OutputError {

    /** A message for logs and the health endpoint. */
    String message();

    /** No output device's name contains the requested text. */
    record NotFound(String requested, List<String> available) implements OutputError {
        public NotFound {
            available = List.copyOf(available);
        }

        @Override
        public String message() {
            return "no MIDI output named like '" + requested + "'; available outputs: "
                    + (available.isEmpty() ? "none" : String.join(", ", available));
        }
    }

    /** Several output devices match and none matches exactly. */
    record Ambiguous(String requested, List<String> matches) implements OutputError {
        public Ambiguous {
            matches = List.copyOf(matches);
        }

        @Override
        public String message() {
            return "MIDI output name '" + requested + "' is ambiguous; it matches: " + String.join(", ", matches);
        }
    }

    /** The device exists but refused to open (busy, unplugged, or no audio line for a synth). */
    record Unavailable(String device, String reason) implements OutputError {
        @Override
        public String message() {
            return "MIDI output '" + device + "' could not be opened: " + reason;
        }
    }
}
