package com.clisonix.edge.music.midi;

import com.clisonix.edge.music.tempo.MusicStyle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rules of one groove style: instruments, chord progression and how a bar is filled.
 * Implementations are stateless; all variation comes from the bar's random source.
 */
interface StylePattern {

    /** General MIDI program (0-based) for the bass channel. */
    int bassProgram();

    /** General MIDI program (0-based) for the chord channel. */
    int chordProgram();

    /** The chord cycle; bar {@code n} plays {@code progression().get(chordIndex(n))}. */
    List<Chord> progression();

    /** How many bars each chord lasts. */
    default int barsPerChord() {
        return 1;
    }

    /** Writes the notes of one bar (program changes are written by the generator). */
    void write(BarWriter out, long barIndex, double bpm, Chord chord, SplittableRandom random);

    /** The pattern for a style. */
    static StylePattern of(MusicStyle style) {
        return switch (style) {
            case HOUSE -> new HousePattern();
            case ROCK -> new RockPattern();
            case HIP_HOP -> new HipHopPattern();
            case AMBIENT -> new AmbientPattern();
        };
    }

    /** Velocity jittered by up to ±{@code spread}, for a less mechanical feel. */
    static int humanise(int velocity, int spread, SplittableRandom random) {
        return velocity + random.nextInt(-spread, spread + 1);
    }
}
