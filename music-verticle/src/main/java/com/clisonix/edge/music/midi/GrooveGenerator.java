package com.clisonix.edge.music.midi;

import com.clisonix.edge.music.tempo.MusicStyle;
import com.clisonix.edge.music.tempo.PlannedBar;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a continuous groove one 4/4 bar at a time, so each bar can be played at the tempo the
 * planner chose for it and tempo changes fall on bar lines.
 *
 * <p>Layout: {@value #PPQ} ticks per quarter note, {@value #TICKS_PER_BAR} per bar; drums on
 * channel index {@value #DRUM_CHANNEL} (GM "channel 10"), bass on {@value #BASS_CHANNEL}, chords on
 * {@value #CHORD_CHANNEL}. Every bar opens with program changes for bass and chords, so a bar
 * played or recorded on its own sounds right and a style change takes effect at the next bar
 * line. Every note-on sits on a {@value #GRID_TICKS}-tick grid: sixteenths (120 ticks) for the
 * straight styles, eighth-note triplets (160 ticks) for the swung one.
 *
 * <p>Deterministic: a bar is a pure function of the seed, its index, its style and its tempo;
 * the variation inside a bar (fills, ghost notes, velocities) comes from a random source seeded
 * with those, not from generation history. Two boxes with the same seed play the same music.
 */
public final class GrooveGenerator {

    /** Ticks per quarter note of every bar (and of recorded files). */
    public static final int PPQ = 480;
    public static final int BEATS_PER_BAR = 4;
    public static final int TICKS_PER_BAR = PPQ * BEATS_PER_BAR;
    /** Note-ons fall on multiples of this: the common divisor of the sixteenth and triplet grids. */
    public static final int GRID_TICKS = 40;
    /** Channel index of the drums (GM percussion channel, "channel 10"). */
    public static final int DRUM_CHANNEL = 9;
    public static final int BASS_CHANNEL = 1;
    public static final int CHORD_CHANNEL = 2;

    private final long seed;
    private long nextIndex;

    public GrooveGenerator(long seed) {
        this(seed, 0);
    }

    /**
     * A generator whose stream continues at {@code firstIndex}, e.g. after a restart, so bar
     * numbers stay unique across the box's runs.
     */
    public GrooveGenerator(long seed, long firstIndex) {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("bar index must not be negative: " + firstIndex);
        }
        this.seed = seed;
        this.nextIndex = firstIndex;
    }

    /** The seed this generator was created with. */
    public long seed() {
        return seed;
    }

    /** Index the next call to {@link #nextBar} will generate. */
    public long nextIndex() {
        return nextIndex;
    }

    /** Generates the next bar of the stream at the given style and tempo. */
    public GrooveBar nextBar(MusicStyle style, double bpm) {
        GrooveBar bar = bar(nextIndex, style, bpm);
        nextIndex++;
        return bar;
    }

    /** Generates the next bar as the planner decided it. */
    public GrooveBar nextBar(PlannedBar planned) {
        return nextBar(planned.style(), planned.bpm());
    }

    /**
     * Generates bar {@code index} without touching the stream position.
     *
     * @throws IllegalArgumentException for a negative index or a non-positive tempo (a caller
     *                                  bug: the planner never produces one)
     */
    public GrooveBar bar(long index, MusicStyle style, double bpm) {
        Objects.requireNonNull(style, "style");
        if (index < 0) {
            throw new IllegalArgumentException("bar index must not be negative: " + index);
        }
        if (!Double.isFinite(bpm) || bpm <= 0) {
            throw new IllegalArgumentException("bpm must be positive, got " + bpm);
        }
        StylePattern pattern = StylePattern.of(style);
        BarWriter out = new BarWriter();
        out.program(BASS_CHANNEL, pattern.bassProgram());
        out.program(CHORD_CHANNEL, pattern.chordProgram());
        int chordIndex = (int) ((index / pattern.barsPerChord()) % pattern.progression().size());
        Chord chord = pattern.progression().get(chordIndex);
        pattern.write(out, index, bpm, chord, randomFor(index, style));
        return new GrooveBar(index, bpm, style, out.events());
    }

    private SplittableRandom randomFor(long index, MusicStyle style) {
        // SplittableRandom scrambles its seed, so a simple combination keeps bars independent
        long mixed = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + style.ordinal();
        return new SplittableRandom(mixed);
    }
}
