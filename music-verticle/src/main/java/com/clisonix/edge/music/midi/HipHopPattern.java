package com.clisonix.edge.music.midi;

import static com.clisonix.edge.music.midi.GrooveGenerator.BASS_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.CHORD_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.DRUM_CHANNEL;
import static com.clisonix.edge.music.midi.StylePattern.humanise;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Swung boom-bap: the off-beat eighths sit on the last triplet of each beat (tick 320 of 480),
 * kick on 1 with syncopated swung kicks, snare on 2 and 4, electric-piano seventh chords over
 * Dm7-Bbmaj7-Gm7-A7.
 */
final class HipHopPattern implements StylePattern {

    private static final int BEAT = GrooveGenerator.PPQ;
    /** Off-beat eighth with triplet swing: two thirds into the beat. */
    private static final int SWUNG = BEAT * 2 / 3;
    private static final int SHORT = BEAT / 4;

    private static final List<Chord> PROGRESSION = List.of(
            Chord.of(2, 0, 3, 7, 10), Chord.of(10, 0, 4, 7, 11), Chord.of(7, 0, 3, 7, 10), Chord.of(9, 0, 4, 7, 10));

    @Override
    public int bassProgram() {
        return 33; // Electric Bass (finger)
    }

    @Override
    public int chordProgram() {
        return 4; // Electric Piano 1
    }

    @Override
    public List<Chord> progression() {
        return PROGRESSION;
    }

    @Override
    public void write(BarWriter out, long barIndex, double bpm, Chord chord, SplittableRandom random) {
        out.note(DRUM_CHANNEL, 0, SHORT, GmDrums.KICK, humanise(115, 5, random));
        out.note(DRUM_CHANNEL, BEAT + SWUNG, SHORT, GmDrums.KICK, humanise(98, 6, random));
        if (random.nextInt(100) < 60) {
            out.note(DRUM_CHANNEL, 2 * BEAT + SWUNG, SHORT, GmDrums.KICK, humanise(92, 6, random));
        }
        out.note(DRUM_CHANNEL, BEAT, SHORT, GmDrums.SNARE, humanise(108, 6, random));
        out.note(DRUM_CHANNEL, 3 * BEAT, SHORT, GmDrums.SNARE, humanise(110, 6, random));
        if (random.nextInt(100) < 35) {
            out.note(DRUM_CHANNEL, 3 * BEAT + SWUNG, SHORT, GmDrums.SNARE, humanise(40, 5, random));
        }
        for (int beat = 0; beat < 4; beat++) {
            out.note(DRUM_CHANNEL, beat * BEAT, SHORT, GmDrums.CLOSED_HAT, humanise(84, 6, random));
            out.note(DRUM_CHANNEL, beat * BEAT + SWUNG, SHORT, GmDrums.CLOSED_HAT, humanise(62, 6, random));
        }
        out.note(BASS_CHANNEL, 0, BEAT - 80, chord.bassRoot(), humanise(100, 5, random));
        out.note(BASS_CHANNEL, BEAT + SWUNG, SHORT, chord.bassRoot(), humanise(88, 5, random));
        int answer = random.nextBoolean() ? chord.bassFifth() : chord.bassRoot() + 12;
        out.note(BASS_CHANNEL, 2 * BEAT + SWUNG, BEAT / 2, answer, humanise(90, 5, random));
        for (int tick : new int[] {0, 2 * BEAT}) {
            int velocity = humanise(70, 6, random);
            for (int key : chord.voicing()) {
                out.note(CHORD_CHANNEL, tick, 2 * BEAT - 80, key, velocity);
            }
        }
    }
}
