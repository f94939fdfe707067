package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.music.tempo.MusicStyle;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmfRecorderTest {

    @TempDir
    Path dir;

    @Test
    void writtenFileIsTypeOneWithATempoEventAtEveryTempoChange() throws Exception {
        List<GrooveBar> bars = PlannedSession.bars(7, 120, 2.5);
        SmfRecorder recorder = new SmfRecorder();
        bars.forEach(recorder::record);
        Path file = dir.resolve("class.mid");
        recorder.writeTo(file);

        assertThat(MidiSystem.getMidiFileFormat(file.toFile()).getType()).isEqualTo(1);
        Sequence read = MidiSystem.getSequence(file.toFile());
        assertThat(read.getDivisionType()).isEqualTo(Sequence.PPQ);
        assertThat(read.getResolution()).isEqualTo(480);
        assertThat(read.getTracks()).hasSize(4);
        assertThat(read.getTickLength()).isEqualTo(120L * 1920);

        TreeMap<Long, Long> tempoMap = tempoEvents(read.getTracks()[0]);
        long previousMicros = -1;
        int changes = 0;
        for (int k = 0; k < bars.size(); k++) {
            long barTick = k * 1920L;
            // midi.md §1: µs per quarter = round(60 000 000 / bpm)
            long expected = Math.round(60_000_000.0 / bars.get(k).bpm());
            assertThat(tempoMap.floorEntry(barTick).getValue()).as("tempo in force at bar %d", k).isEqualTo(expected);
            if (expected != previousMicros) {
                assertThat(tempoMap).as("tempo event at bar %d", k).containsEntry(barTick, expected);
                changes++;
            } else {
                assertThat(tempoMap).as("no redundant tempo event at bar %d", k).doesNotContainKey(barTick);
            }
            previousMicros = expected;
        }
        assertThat(tempoMap).hasSize(changes);
        assertThat(changes).as("the session changes tempo").isGreaterThan(10);
        assertThat(tempoMap.keySet()).allMatch(tick -> tick % 1920 == 0);
        // the cool-down part switched to ambient and slowed down
        assertThat(bars.get(bars.size() - 1).style()).isEqualTo(MusicStyle.AMBIENT);
    }

    @Test
    void drumsAreOnChannelTenAndNotesOnTheBarGrid() throws Exception {
        List<GrooveBar> bars = PlannedSession.bars(8, 64, 1.5);
        SmfRecorder recorder = new SmfRecorder();
        bars.forEach(recorder::record);
        Sequence read = MidiSystem.getSequence(new ByteArrayInputStream(recorder.toBytes()));

        Track drums = read.getTracks()[1];
        List<ShortMessage> drumMessages = shortMessages(drums);
        assertThat(drumMessages).isNotEmpty().allMatch(m -> m.getChannel() == 9);
        for (int t = 2; t < read.getTracks().length; t++) {
            assertThat(shortMessages(read.getTracks()[t])).noneMatch(m -> m.getChannel() == 9);
        }
        for (Track track : read.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getData2() > 0) {
                    assertThat(event.getTick() % 40).as("note-on at %d off the grid", event.getTick()).isZero();
                }
            }
        }
        // every recorded bar has a kick on its bar line
        for (int k = 0; k < bars.size(); k++) {
            long barTick = k * 1920L;
            assertThat(hasNoteOn(drums, barTick, 36)).as("kick at bar %d", k).isTrue();
        }
    }

    @Test
    void meanTempoIsWeightedByTime() throws Exception {
        List<GrooveBar> bars = PlannedSession.bars(9, 100, 1.8);
        SmfRecorder recorder = new SmfRecorder();
        bars.forEach(recorder::record);
        Sequence read = MidiSystem.getSequence(new ByteArrayInputStream(recorder.toBytes()));

        // independent: walk the tempo map of the file that was read back
        TreeMap<Long, Long> tempoMap = tempoEvents(read.getTracks()[0]);
        long end = read.getTickLength();
        double seconds = 0;
        List<Long> ticks = new ArrayList<>(tempoMap.keySet());
        for (int i = 0; i < ticks.size(); i++) {
            long from = ticks.get(i);
            long to = i + 1 < ticks.size() ? ticks.get(i + 1) : end;
            seconds += (to - from) / 480.0 * tempoMap.get(from) / 1e6;
        }
        double quarters = end / 480.0;
        double fileMean = quarters / seconds * 60;
        assertThat(recorder.meanBpm()).isPresent();
        assertThat(recorder.meanBpm().getAsDouble()).isCloseTo(fileMean, within(1e-3));

        // it is not the plain average of the bars when the tempo varied
        double plain = bars.stream().mapToDouble(GrooveBar::bpm).average().orElseThrow();
        assertThat(plain - recorder.meanBpm().getAsDouble()).isGreaterThan(1e-3);

        // the JDK's own tempo-aware length agrees with the recorder (µs truncation per segment)
        assertThat(read.getMicrosecondLength()).isCloseTo(recorder.durationMicros(), within((long) tempoMap.size()));
        assertThat(seconds * 1e6).isCloseTo(recorder.durationMicros(), within(1.0));
    }

    @Test
    void twoBarsAtOneTwentyAndOneForty() throws Exception {
        // midi.md §1-§2: 500000 µs and 428571 µs per quarter; 4 quarters each
        GrooveGenerator generator = new GrooveGenerator(1);
        SmfRecorder recorder = new SmfRecorder();
        recorder.record(generator.nextBar(MusicStyle.ROCK, 120));
        recorder.record(generator.nextBar(MusicStyle.ROCK, 140));
        assertThat(recorder.durationMicros()).isEqualTo(4 * 500_000L + 4 * 428_571L);
        Sequence read = MidiSystem.getSequence(new ByteArrayInputStream(recorder.toBytes()));
        assertThat(tempoEvents(read.getTracks()[0])).containsExactly(
                java.util.Map.entry(0L, 500_000L), java.util.Map.entry(1920L, 428_571L));
        assertThat(read.getMicrosecondLength()).isCloseTo(3_714_284L, within(1L));
        // harmonic, not arithmetic: 8 beats in 2.0 s + 1.714 s
        assertThat(recorder.meanBpm().getAsDouble()).isCloseTo(8 * 60 / (2.0 + 240.0 / 140 / 1), within(1e-9));
    }

    @Test
    void aRecordingCanJoinAndLeaveMidClass() throws Exception {
        List<GrooveBar> stream = PlannedSession.bars(10, 40, 5);
        SmfRecorder workout = new SmfRecorder();
        for (GrooveBar bar : stream.subList(10, 20)) {
            workout.record(bar);
        }
        workout.stop();
        assertThat(workout.barCount()).isEqualTo(10);
        assertThat(workout.firstBarIndex()).hasValue(10);
        assertThat(workout.lastBarIndex()).hasValue(19);
        assertThatThrownBy(() -> workout.record(stream.get(20))).isInstanceOf(IllegalStateException.class);

        Sequence read = MidiSystem.getSequence(new ByteArrayInputStream(workout.toBytes()));
        assertThat(read.getTickLength()).isEqualTo(10 * 1920L);
        TreeMap<Long, Long> tempoMap = tempoEvents(read.getTracks()[0]);
        assertThat(tempoMap.firstEntry().getKey()).isZero();
        assertThat(tempoMap.firstEntry().getValue()).isEqualTo(Math.round(60_000_000.0 / stream.get(10).bpm()));
        // the instruments are set at the first recorded bar line, not only at the class start
        long programChangesAtZero = 0;
        for (Track track : read.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getTick() == 0 && track.get(i).getMessage() instanceof ShortMessage m
                        && m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                    programChangesAtZero++;
                }
            }
        }
        assertThat(programChangesAtZero).isEqualTo(2);
    }

    @Test
    void headerBytesSayFormatOneAndFourHundredEightyTicks() {
        SmfRecorder recorder = new SmfRecorder();
        recorder.record(new GrooveGenerator(1).nextBar(MusicStyle.HOUSE, 128));
        byte[] bytes = recorder.toBytes();
        // midi.md §1: "MThd", length 6, format, track count, division, all big-endian
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MThd");
        assertThat(MidiTempoTest.hex(java.util.Arrays.copyOfRange(bytes, 4, 14))).isEqualTo("00000006000100040" + "1E0");
    }

    @Test
    void emptyRecordingHasNoMean() throws Exception {
        SmfRecorder recorder = new SmfRecorder();
        assertThat(recorder.meanBpm()).isEmpty();
        assertThat(recorder.firstBarIndex()).isEmpty();
        Path file = dir.resolve("empty.mid");
        recorder.writeTo(file);
        assertThat(Files.size(file)).isGreaterThan(14);
        assertThat(MidiSystem.getSequence(file.toFile()).getTickLength()).isZero();
    }

    static TreeMap<Long, Long> tempoEvents(Track track) {
        TreeMap<Long, Long> tempi = new TreeMap<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
                byte[] data = meta.getData();
                assertThat(data).hasSize(3);
                long micros = ((data[0] & 0xFFL) << 16) | ((data[1] & 0xFFL) << 8) | (data[2] & 0xFFL);
                assertThat(tempi.put(track.get(i).getTick(), micros)).as("one tempo per tick").isNull();
            }
        }
        return tempi;
    }

    private static List<ShortMessage> shortMessages(Track track) {
        List<ShortMessage> messages = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof ShortMessage m) {
                messages.add(m);
            }
        }
        return messages;
    }

    private static boolean hasNoteOn(Track track, long tick, int key) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getTick() == tick && track.get(i).getMessage() instanceof ShortMessage m
                    && m.getCommand() == ShortMessage.NOTE_ON && m.getData1() == key && m.getData2() > 0) {
                return true;
            }
        }
        return false;
    }
}
