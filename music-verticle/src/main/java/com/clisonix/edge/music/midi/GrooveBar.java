package com.clisonix.edge.music.midi;

import com.clisonix.edge.music.tempo.MusicStyle;
import java.util.List;
import java.util.Objects;
import javax.sound.midi.MidiEvent;

/**
 * One generated bar of 4/4 music at {@link GrooveGenerator#PPQ} ticks per quarter note.
 *
 * <p>A bar is self-contained: it starts with the program changes its instruments need and every
 * note it starts also ends inside it. That is what lets a recording start or stop at any bar
 * line, and lets a tempo change land exactly on a bar line.
 *
 * @param index  position of the bar in the generator's stream (0 = first bar of the session)
 * @param bpm    tempo the bar is to be played at
 * @param style  style it was generated in
 * @param events channel messages sorted by tick (at equal ticks: program changes, then
 *               note-offs, then note-ons)
 */
public record GrooveBar(long index, double bpm, MusicStyle style, List<BarEvent> events) {

    public GrooveBar {
        if (!Double.isFinite(bpm) || bpm <= 0) {
            throw new IllegalArgumentException("bpm must be positive, got " + bpm);
        }
        Objects.requireNonNull(style, "style");
        events = List.copyOf(events);
    }

    /** Length of the bar in microseconds as a MIDI player will time it (rounded tempo). */
    public long durationMicros() {
        return MidiTempo.microsPerQuarter(bpm) * GrooveGenerator.BEATS_PER_BAR;
    }

    /**
     * When an event sounds, in microseconds after the bar line, at this bar's (rounded) tempo;
     * what a real-time player needs to schedule the bar.
     */
    public long offsetMicros(BarEvent event) {
        return event.tick() * MidiTempo.microsPerQuarter(bpm) / GrooveGenerator.PPQ;
    }

    /** The events as {@link MidiEvent}s placed after {@code barStartTick}, e.g. to add to a track. */
    public List<MidiEvent> toMidiEvents(long barStartTick) {
        return events.stream().map(e -> new MidiEvent(e.toShortMessage(), barStartTick + e.tick())).toList();
    }

    /** The note-on events only. */
    public List<BarEvent> noteOns() {
        return events.stream().filter(BarEvent::isNoteOn).toList();
    }
}
