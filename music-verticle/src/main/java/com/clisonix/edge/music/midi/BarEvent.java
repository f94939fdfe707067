package com.clisonix.edge.music.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * One channel message inside a bar, as an immutable value (a {@link ShortMessage} is mutable and
 * cannot be shared safely between the live output and a recording).
 *
 * @param tick    position from the bar line, {@code 0 <= tick < }{@link GrooveGenerator#TICKS_PER_BAR}
 * @param command status nibble: {@link ShortMessage#NOTE_ON}, {@link ShortMessage#NOTE_OFF},
 *                {@link ShortMessage#PROGRAM_CHANGE} or {@link ShortMessage#CONTROL_CHANGE}
 * @param channel channel index 0-15 (drums are 9, "channel 10" in the GM numbering)
 * @param data1   key, program or controller number, 0-127
 * @param data2   velocity or controller value, 0-127 (0 for a program change)
 */
public record BarEvent(int tick, int command, int channel, int data1, int data2) {

    public BarEvent {
        if (tick < 0 || tick >= GrooveGenerator.TICKS_PER_BAR) {
            throw new IllegalArgumentException("tick outside the bar: " + tick);
        }
        if (command != ShortMessage.NOTE_ON && command != ShortMessage.NOTE_OFF
                && command != ShortMessage.PROGRAM_CHANGE && command != ShortMessage.CONTROL_CHANGE) {
            throw new IllegalArgumentException("unsupported command 0x" + Integer.toHexString(command));
        }
        if (channel < 0 || channel > 15 || data1 < 0 || data1 > 127 || data2 < 0 || data2 > 127) {
            throw new IllegalArgumentException("channel or data byte out of range: " + channel + "/" + data1 + "/" + data2);
        }
    }

    /** A note-on. */
    public static BarEvent noteOn(int tick, int channel, int key, int velocity) {
        return new BarEvent(tick, ShortMessage.NOTE_ON, channel, key, velocity);
    }

    /** A note-off with release velocity 0. */
    public static BarEvent noteOff(int tick, int channel, int key) {
        return new BarEvent(tick, ShortMessage.NOTE_OFF, channel, key, 0);
    }

    /** A program change. */
    public static BarEvent programChange(int channel, int program) {
        return new BarEvent(0, ShortMessage.PROGRAM_CHANGE, channel, program, 0);
    }

    /** True for a note-on with a non-zero velocity (velocity 0 means note-off in MIDI). */
    public boolean isNoteOn() {
        return command == ShortMessage.NOTE_ON && data2 > 0;
    }

    /** True for a note-off, including a note-on with velocity 0. */
    public boolean isNoteOff() {
        return command == ShortMessage.NOTE_OFF || (command == ShortMessage.NOTE_ON && data2 == 0);
    }

    /** A fresh {@link ShortMessage} for this event. */
    public ShortMessage toShortMessage() {
        try {
            return new ShortMessage(command, channel, data1, data2);
        } catch (InvalidMidiDataException e) {
            // unreachable: the constructor has checked every field
            throw new IllegalStateException("invalid bar event " + this, e);
        }
    }
}
