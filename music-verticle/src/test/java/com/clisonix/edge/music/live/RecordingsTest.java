package com.clisonix.edge.music.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.music.midi.GrooveGenerator;
import com.clisonix.edge.music.tempo.MusicStyle;
import java.io.ByteArrayInputStream;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

class RecordingsTest {

    private static final Recordings.Key CLASS = new Recordings.Key(Recordings.Kind.CLASS, "c1");
    private static final Recordings.Key WORKOUT = new Recordings.Key(Recordings.Kind.WORKOUT, "w1");

    @Test
    void aWorkoutJoiningMidClassGetsTheBarsFromItsStartOn() throws Exception {
        GrooveGenerator gen = new GrooveGenerator(7);
        Recordings r = new Recordings();
        r.start(CLASS);
        r.record(gen.nextBar(MusicStyle.HOUSE, 120));
        r.record(gen.nextBar(MusicStyle.HOUSE, 123));
        r.start(WORKOUT);
        r.start(WORKOUT);
        r.record(gen.nextBar(MusicStyle.HOUSE, 126));
        r.record(gen.nextBar(MusicStyle.HOUSE, 126));

        Recordings.Finished workout = r.stop(WORKOUT).orElseThrow();
        assertThat(workout.bars()).isEqualTo(2);
        assertThat(workout.meanBpm()).isCloseTo(126, within(1e-9));
        assertThat(workout.key().kind().wireName()).isEqualTo("workout");
        Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(workout.midi()));
        assertThat(seq.getTickLength()).isEqualTo(2 * GrooveGenerator.TICKS_PER_BAR);

        r.record(gen.nextBar(MusicStyle.AMBIENT, 122));
        assertThat(r.snapshot(CLASS).orElseThrow().bars()).isEqualTo(5);
        Recordings.Finished cls = r.stop(CLASS).orElseThrow();
        // time-weighted: five bars, four beats each, over the sum of their lengths
        double seconds = 240.0 / 120 + 240.0 / 123 + 2 * 240.0 / 126 + 240.0 / 122;
        assertThat(cls.meanBpm()).isCloseTo(5 * 240.0 / seconds, within(1e-9));
        assertThat(r.isOpen(CLASS)).isFalse();
    }

    @Test
    void nothingIsKeptWithoutABar() {
        Recordings r = new Recordings();
        r.start(WORKOUT);
        assertThat(r.snapshot(WORKOUT)).isEmpty();
        assertThat(r.stop(WORKOUT)).isEmpty();
        assertThat(r.stop(CLASS)).as("never started").isEmpty();
        r.start(CLASS);
        r.record(new GrooveGenerator(1).nextBar(MusicStyle.HOUSE, 120));
        var detached = r.detach(CLASS).orElseThrow();
        assertThat(detached.isStopped()).isTrue();
        assertThat(r.isOpen(CLASS)).isFalse();
        assertThat(Recordings.finished(CLASS, detached).orElseThrow().bars()).isEqualTo(1);
        assertThat(r.detach(CLASS)).isEmpty();
    }

    @Test
    void stoppingEverythingKeepsWhatHasMusic() {
        GrooveGenerator gen = new GrooveGenerator(7);
        Recordings r = new Recordings();
        r.start(CLASS);
        r.record(gen.nextBar(MusicStyle.ROCK, 140));
        r.start(WORKOUT);
        assertThat(r.stopAll()).extracting(Recordings.Finished::key).containsExactly(CLASS);
        assertThat(r.isOpen(WORKOUT)).isFalse();
    }

    @Test
    void aRecordingRebuiltFromItsJournaledBarsGoesOnAsIfNeverInterrupted() {
        GrooveGenerator before = new GrooveGenerator(7);
        Recordings uninterrupted = new Recordings();
        assertThat(uninterrupted.start(WORKOUT)).isTrue();
        assertThat(uninterrupted.start(WORKOUT)).as("a repeated start").isFalse();
        double[] tempi = {120, 123, 126, 126, 129};
        for (int i = 0; i < 3; i++) {
            uninterrupted.record(before.nextBar(MusicStyle.ROCK, tempi[i]));
        }
        // after a restart: the first three bars regenerated from seed, index, style and tempo,
        // and the stream continues at bar 3
        com.clisonix.edge.music.midi.SmfRecorder rebuilt = new com.clisonix.edge.music.midi.SmfRecorder();
        for (int i = 0; i < 3; i++) {
            rebuilt.record(new GrooveGenerator(7).bar(i, MusicStyle.ROCK, tempi[i]));
        }
        Recordings resumed = new Recordings();
        resumed.resume(WORKOUT, rebuilt);
        resumed.resume(WORKOUT, new com.clisonix.edge.music.midi.SmfRecorder());
        GrooveGenerator after = new GrooveGenerator(7, 3);
        for (int i = 3; i < 5; i++) {
            uninterrupted.record(before.nextBar(MusicStyle.ROCK, tempi[i]));
            resumed.record(after.nextBar(MusicStyle.ROCK, tempi[i]));
        }
        Recordings.Finished a = uninterrupted.stop(WORKOUT).orElseThrow();
        Recordings.Finished b = resumed.stop(WORKOUT).orElseThrow();
        assertThat(b.bars()).isEqualTo(5);
        assertThat(b.midi()).isEqualTo(a.midi());
        assertThat(b.meanBpm()).isEqualTo(a.meanBpm());
    }
}
