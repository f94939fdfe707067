package com.clisonix.edge.music.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.ShortMessage;

/**
 * Collects the events of one bar. Notes are written as on/off pairs and clipped at the bar's
 * last tick so no note hangs over the bar line.
 */
final class BarWriter {

    private static final int LAST_TICK = GrooveGenerator.TICKS_PER_BAR - 1;

    private final List<BarEvent> events = new ArrayList<>();

    void program(int channel, int program) {
        events.add(BarEvent.programChange(channel, program));
    }

    /**
     * A note from {@code startTick} lasting {@code lengthTicks}; the velocity is clamped to
     * 1-127 so humanising can never turn a note-on into a note-off.
     */
    void note(int channel, int startTick, int lengthTicks, int key, int velocity) {
        if (startTick < 0 || startTick >= LAST_TICK || lengthTicks <= 0) {
            throw new IllegalArgumentException("note outside the bar: start " + startTick + " length " + lengthTicks);
        }
        int end = Math.min(startTick + lengthTicks, LAST_TICK);
        int clampedVelocity = Math.max(1, Math.min(127, velocity));
        events.add(BarEvent.noteOn(startTick, channel, key, clampedVelocity));
        events.add(BarEvent.noteOff(end, channel, key));
    }

    /** The events sorted by tick; at equal ticks program changes, then note-offs, then note-ons. */
    List<BarEvent> events() {
        List<BarEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(BarEvent::tick).thenComparingInt(BarWriter::orderAtSameTick));
        return List.copyOf(sorted);
    }

    private static int orderAtSameTick(BarEvent e) {
        if (e.command() == ShortMessage.PROGRAM_CHANGE) {
            return 0;
        }
        if (e.command() == ShortMessage.CONTROL_CHANGE) {
            return 1;
        }
        return e.isNoteOff() ? 2 : 3;
    }
}
