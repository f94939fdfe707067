package com.clisonix.edge.music.midi;

/**
 * A MIDI device that can receive messages, as listed for configuration.
 *
 * @param name        the name to configure (matched as a case-insensitive substring)
 * @param vendor      device vendor
 * @param description device description
 * @param synthesizer true for a synthesizer (software or hardware), false for a port to other gear
 */
public record MidiPortInfo(String name, String vendor, String description, boolean synthesizer) {
}
