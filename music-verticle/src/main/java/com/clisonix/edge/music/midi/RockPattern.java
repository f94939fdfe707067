package com.clisonix.edge.music.midi;

import static com.clisonix.edge.music.midi.GrooveGenerator.BASS_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.CHORD_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.DRUM_CHANNEL;
import static com.clisonix.edge.music.midi.StylePattern.humanise;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Straight rock: kick on 1 and 3, snare backbeat on 2 and 4, eighth hats (quarters at very fast
 * tempi), a fill at the end of every four-bar phrase, eighth-note bass and power chords over
 * E5-C5-G5-D5.
 */
final class RockPattern implements StylePattern {

    private static final int BEAT = GrooveGenerator.PPQ;
    private static final int EIGHTH = BEAT / 2;
    private static final int SIXTEENTH = BEAT / 4;
    /** Above this tempo eighth hats turn into a blur; quarters keep the groove readable. */
    private static final double QUARTER_HATS_FROM_BPM = 150;

    private static final List<Chord> PROGRESSION = List.of(
            Chord.of(4, 0, 7, 12), Chord.of(0, 0, 7, 12), Chord.of(7, 0, 7, 12), Chord.of(2, 0, 7, 12));

    @Override
    public int bassProgram() {
        return 34; // Electric Bass (pick)
    }

    @Override
    public int chordProgram() {
        return 29; // Overdriven Guitar
    }

    @Override
    public List<Chord> progression() {
        return PROGRESSION;
    }

    @Override
    public void write(BarWriter out, long barIndex, double bpm, Chord chord, SplittableRandom random) {
        boolean fill = barIndex % 4 == 3;
        if (barIndex % 4 == 0) {
            out.note(DRUM_CHANNEL, 0, BEAT, GmDrums.CRASH, humanise(105, 6, random));
        }
        out.note(DRUM_CHANNEL, 0, EIGHTH, GmDrums.KICK, humanise(110, 5, random));
        out.note(DRUM_CHANNEL, 2 * BEAT, EIGHTH, GmDrums.KICK, humanise(106, 5, random));
        if (random.nextInt(100) < 40) {
            out.note(DRUM_CHANNEL, 2 * BEAT + EIGHTH, EIGHTH, GmDrums.KICK, humanise(95, 5, random));
        }
        out.note(DRUM_CHANNEL, BEAT, EIGHTH, GmDrums.SNARE, humanise(108, 6, random));
        int hatStep = bpm >= QUARTER_HATS_FROM_BPM ? BEAT : EIGHTH;
        int hatsUntil = fill ? 3 * BEAT : 4 * BEAT;
        for (int tick = 0; tick < hatsUntil; tick += hatStep) {
            int accent = tick % BEAT == 0 ? 90 : 70;
            out.note(DRUM_CHANNEL, tick, SIXTEENTH, GmDrums.CLOSED_HAT, humanise(accent, 6, random));
        }
        if (fill) {
            writeFill(out, random);
        } else {
            out.note(DRUM_CHANNEL, 3 * BEAT, EIGHTH, GmDrums.SNARE, humanise(110, 6, random));
        }
        for (int tick = 0; tick < 4 * BEAT; tick += EIGHTH) {
            int key = fill && tick == 3 * BEAT + EIGHTH ? chord.bassFifth() : chord.bassRoot();
            out.note(BASS_CHANNEL, tick, EIGHTH - 30, key, humanise(tick % BEAT == 0 ? 100 : 90, 5, random));
        }
        for (int tick : new int[] {0, 2 * BEAT}) {
            int velocity = humanise(92, 5, random);
            for (int key : chord.voicing()) {
                out.note(CHORD_CHANNEL, tick, 2 * BEAT - 60, key, velocity);
            }
        }
    }

    /** Last beat: a snare roll or a run down the toms, chosen per bar. */
    private static void writeFill(BarWriter out, SplittableRandom random) {
        int[] toms = {GmDrums.HIGH_TOM, GmDrums.MID_TOM, GmDrums.LOW_TOM, GmDrums.LOW_TOM};
        boolean tomRun = random.nextBoolean();
        for (int i = 0; i < 4; i++) {
            int tick = 3 * BEAT + i * SIXTEENTH;
            int key = tomRun ? toms[i] : GmDrums.SNARE;
            out.note(DRUM_CHANNEL, tick, SIXTEENTH, key, humanise(84 + 8 * i, 4, random));
        }
    }
}
