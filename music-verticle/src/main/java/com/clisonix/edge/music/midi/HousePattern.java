package com.clisonix.edge.music.midi;

import static com.clisonix.edge.music.midi.GrooveGenerator.BASS_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.CHORD_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.DRUM_CHANNEL;
import static com.clisonix.edge.music.midi.StylePattern.humanise;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Four-on-the-floor house: kick on every beat, clap on 2 and 4, off-beat hats, off-beat bass and
 * piano stabs over a minor i-VI-III-VII cycle (Am-F-C-G).
 */
final class HousePattern implements StylePattern {

    private static final int BEAT = GrooveGenerator.PPQ;
    private static final int EIGHTH = BEAT / 2;
    private static final int SIXTEENTH = BEAT / 4;
    /** From this tempo on, soft sixteenth hats add drive; slower grooves stay uncluttered. */
    private static final double BUSY_HATS_FROM_BPM = 120;

    private static final List<Chord> PROGRESSION = List.of(
            Chord.of(9, 0, 3, 7), Chord.of(5, 0, 4, 7), Chord.of(0, 0, 4, 7), Chord.of(7, 0, 4, 7));

    @Override
    public int bassProgram() {
        return 38; // Synth Bass 1
    }

    @Override
    public int chordProgram() {
        return 0; // Acoustic Grand Piano: the classic house piano stab
    }

    @Override
    public List<Chord> progression() {
        return PROGRESSION;
    }

    @Override
    public void write(BarWriter out, long barIndex, double bpm, Chord chord, SplittableRandom random) {
        boolean phraseEnd = barIndex % 4 == 3;
        if (barIndex % 8 == 0) {
            out.note(DRUM_CHANNEL, 0, BEAT, GmDrums.CRASH, humanise(100, 6, random));
        }
        for (int beat = 0; beat < 4; beat++) {
            int onBeat = beat * BEAT;
            int offBeat = onBeat + EIGHTH;
            out.note(DRUM_CHANNEL, onBeat, EIGHTH, GmDrums.KICK, humanise(112, 5, random));
            if (beat % 2 == 1) {
                out.note(DRUM_CHANNEL, onBeat, EIGHTH, GmDrums.CLAP, humanise(100, 8, random));
            }
            boolean openHat = phraseEnd && beat == 3 && random.nextBoolean();
            out.note(DRUM_CHANNEL, offBeat, openHat ? EIGHTH : SIXTEENTH,
                    openHat ? GmDrums.OPEN_HAT : GmDrums.CLOSED_HAT, humanise(88, 8, random));
            if (bpm >= BUSY_HATS_FROM_BPM) {
                for (int sixteenth : new int[] {onBeat + SIXTEENTH, offBeat + SIXTEENTH}) {
                    if (random.nextInt(100) < 55) {
                        out.note(DRUM_CHANNEL, sixteenth, SIXTEENTH / 2, GmDrums.CLOSED_HAT, humanise(50, 8, random));
                    }
                }
            }
            int bassKey = phraseEnd && beat == 3 && random.nextBoolean() ? chord.bassRoot() + 12 : chord.bassRoot();
            out.note(BASS_CHANNEL, offBeat, EIGHTH - 40, bassKey, humanise(96, 6, random));
        }
        int[] stabs = random.nextInt(3) == 0 ? new int[] {EIGHTH, 2 * BEAT + EIGHTH, 3 * BEAT + EIGHTH}
                : new int[] {EIGHTH, 2 * BEAT + EIGHTH};
        for (int stab : stabs) {
            int velocity = humanise(78, 6, random);
            for (int key : chord.voicing()) {
                out.note(CHORD_CHANNEL, stab, EIGHTH - 40, key, velocity);
            }
        }
    }
}
