package com.clisonix.edge.music.midi;

import static com.clisonix.edge.music.midi.GrooveGenerator.BASS_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.CHORD_CHANNEL;
import static com.clisonix.edge.music.midi.GrooveGenerator.DRUM_CHANNEL;
import static com.clisonix.edge.music.midi.StylePattern.humanise;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Cool-down music: a soft pulse (quiet kick on the bar line and a shaker on each beat) keeps the
 * tempo audible while a warm pad and long bass notes move slowly over Cmaj7-Am7-Fmaj7-Gsus2, two
 * bars per chord.
 */
final class AmbientPattern implements StylePattern {

    private static final int BEAT = GrooveGenerator.PPQ;
    private static final int WHOLE_BAR = GrooveGenerator.TICKS_PER_BAR;

    private static final List<Chord> PROGRESSION = List.of(
            Chord.of(0, 0, 4, 7, 11), Chord.of(9, 0, 3, 7, 10), Chord.of(5, 0, 4, 7, 11), Chord.of(7, 0, 2, 7));

    @Override
    public int bassProgram() {
        return 32; // Acoustic Bass
    }

    @Override
    public int chordProgram() {
        return 89; // Pad 2 (warm)
    }

    @Override
    public List<Chord> progression() {
        return PROGRESSION;
    }

    @Override
    public int barsPerChord() {
        return 2;
    }

    @Override
    public void write(BarWriter out, long barIndex, double bpm, Chord chord, SplittableRandom random) {
        out.note(DRUM_CHANNEL, 0, BEAT / 2, GmDrums.KICK, humanise(52, 4, random));
        for (int beat = 0; beat < 4; beat++) {
            out.note(DRUM_CHANNEL, beat * BEAT, BEAT / 4, GmDrums.SHAKER, humanise(38, 5, random));
        }
        if (random.nextInt(100) < 30) {
            out.note(DRUM_CHANNEL, 2 * BEAT, BEAT, GmDrums.RIDE, humanise(30, 4, random));
        }
        out.note(BASS_CHANNEL, 0, WHOLE_BAR, chord.bassRoot(), humanise(68, 4, random));
        int velocity = humanise(60, 4, random);
        for (int key : chord.voicing()) {
            out.note(CHORD_CHANNEL, 0, WHOLE_BAR, key, velocity);
        }
        if (random.nextInt(100) < 50) {
            List<Integer> voicing = chord.voicing();
            int top = voicing.get(random.nextInt(voicing.size())) + 12;
            out.note(CHORD_CHANNEL, 2 * BEAT, 2 * BEAT, top, humanise(48, 4, random));
        }
    }
}
