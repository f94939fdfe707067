package com.clisonix.edge.music.midi;

import java.util.List;

/**
 * A chord as a root pitch class and intervals above it, with the voicings the grooves use.
 *
 * @param rootPitchClass 0 = C … 11 = B
 * @param intervals      semitones above the root, starting with 0
 */
record Chord(int rootPitchClass, List<Integer> intervals) {

    /** Lowest key a chord voicing may use (G3), so chords sit above the bass. */
    private static final int VOICING_FLOOR = 55;
    /** C2: bass roots land in C2-B2. */
    private static final int BASS_OCTAVE = 36;

    Chord {
        if (rootPitchClass < 0 || rootPitchClass > 11) {
            throw new IllegalArgumentException("pitch class out of range: " + rootPitchClass);
        }
        intervals = List.copyOf(intervals);
    }

    static Chord of(int rootPitchClass, Integer... intervals) {
        return new Chord(rootPitchClass, List.of(intervals));
    }

    /** Close voicing starting at the first root at or above G3. */
    List<Integer> voicing() {
        int root = 48 + rootPitchClass;
        while (root < VOICING_FLOOR) {
            root += 12;
        }
        int base = root;
        return intervals.stream().map(i -> base + i).toList();
    }

    /** The root in the bass register. */
    int bassRoot() {
        return BASS_OCTAVE + rootPitchClass;
    }

    /** The fifth above the bass root. */
    int bassFifth() {
        return bassRoot() + 7;
    }
}
