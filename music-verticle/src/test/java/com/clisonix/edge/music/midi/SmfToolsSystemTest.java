package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.music.tempo.MusicStyle;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks recorded files with independent tools (midi.md §4): {@code midicsv} reads the file as
 * text, {@code fluidsynth} renders it with a General MIDI soundfont. Runs with {@code -Psystem}.
 */
@Tag("system")
class SmfToolsSystemTest {

    private static final Path SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    @TempDir
    Path dir;

    @Test
    void midicsvSeesThePlannersTempoAtEveryBarAndNotesOnTheGrid() throws Exception {
        ExternalTool.require("midicsv", "midicsv");
        List<GrooveBar> bars = PlannedSession.bars(21, 90, 2.0);
        SmfRecorder recorder = new SmfRecorder();
        bars.forEach(recorder::record);
        Path file = dir.resolve("class.mid");
        recorder.writeTo(file);

        String csv = ExternalTool.run(dir, 60, "midicsv", file.toString()).stdout();
        TreeMap<Long, Long> tempo = new TreeMap<>();
        Map<Integer, Long> endOfTrack = new HashMap<>();
        Map<Integer, Set<Integer>> channelsPerTrack = new HashMap<>();
        List<Long> noteOnTicks = new ArrayList<>();
        List<String> header = null;
        for (String line : csv.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = ExternalTool.csvFields(line);
            int track = Integer.parseInt(f.get(0));
            long tick = Long.parseLong(f.get(1));
            switch (f.get(2)) {
                case "Header" -> header = f;
                case "Tempo" -> {
                    assertThat(track).as("tempo map in the first track").isEqualTo(1);
                    tempo.put(tick, Long.parseLong(f.get(3)));
                }
                case "End_track" -> endOfTrack.put(track, tick);
                case "Note_on_c" -> {
                    channelsPerTrack.computeIfAbsent(track, t -> new HashSet<>()).add(Integer.parseInt(f.get(3)));
                    if (Integer.parseInt(f.get(5)) > 0) {
                        noteOnTicks.add(tick);
                    }
                }
                default -> {
                }
            }
        }
        // "0, 0, Header, format, tracks, division"
        assertThat(header).containsExactly("0", "0", "Header", "1", "4", "480");
        long previous = -1;
        for (int k = 0; k < bars.size(); k++) {
            // midi.md §1: µs per quarter = round(60 000 000 / bpm)
            long expected = Math.round(60_000_000.0 / bars.get(k).bpm());
            assertThat(tempo.floorEntry(k * 1920L).getValue()).as("bar %d", k).isEqualTo(expected);
            if (expected != previous) {
                assertThat(tempo).containsEntry(k * 1920L, expected);
            }
            previous = expected;
        }
        assertThat(tempo.keySet()).allMatch(t -> t % 1920 == 0);
        assertThat(noteOnTicks).isNotEmpty().allMatch(t -> t % 40 == 0);
        // drums (channel index 9) only in track 2, the drum track
        assertThat(channelsPerTrack.get(2)).containsExactly(9);
        assertThat(channelsPerTrack.get(3)).containsExactly(1);
        assertThat(channelsPerTrack.get(4)).containsExactly(2);
        assertThat(endOfTrack.values()).containsOnly(bars.size() * 1920L);
    }

    @Test
    void fluidsynthRendersAudibleMusicAsLongAsTheTempoMap() throws Exception {
        ExternalTool.require("fluidsynth", "fluidsynth");
        ExternalTool.requireFile(SOUNDFONT, "fluid-soundfont-gm");
        // a 3 %-per-bar climb from 90 bpm: 27.4 s of music, where a reader that ignored the tempo
        // events would play 24 s (120 bpm default, midi.md §1); the short-release house bars come
        // last so the synthesizer's tail stays short
        GrooveGenerator generator = new GrooveGenerator(77);
        SmfRecorder recorder = new SmfRecorder();
        MusicStyle[] styles = {MusicStyle.AMBIENT, MusicStyle.HIP_HOP, MusicStyle.ROCK, MusicStyle.HOUSE};
        double bpm = 90;
        double lastBarSeconds = 0;
        for (int i = 0; i < 12; i++) {
            recorder.record(generator.nextBar(styles[i / 3], bpm));
            lastBarSeconds = 240 / bpm;
            bpm *= 1.03;
        }
        Path midi = dir.resolve("render.mid");
        Path wav = dir.resolve("render.wav");
        recorder.writeTo(midi);

        ExternalTool.run(dir, 120, "fluidsynth", "-ni", "-F", wav.toString(), "-r", "44100",
                SOUNDFONT.toString(), midi.toString());

        double expectedSeconds = recorder.durationMicros() / 1e6;
        Pcm pcm = Pcm.read(wav.toFile());
        double rms = pcm.rms(0, pcm.seconds());
        double lastBarRms = pcm.rms(expectedSeconds - lastBarSeconds, expectedSeconds);
        double audibleEnd = pcm.audibleEnd(rms / 10);
        System.out.printf("fluidsynth render: %.3f s file, audible until %.3f s, tempo map %.3f s,"
                + " RMS %.4f (last bar %.4f) of full scale%n",
                pcm.seconds(), audibleEnd, expectedSeconds, rms, lastBarRms);
        assertThat(expectedSeconds).isGreaterThan(27);
        // not silent: well above dither and noise, up to the end of the tempo map
        assertThat(rms).isGreaterThan(0.01);
        assertThat(lastBarRms).isGreaterThan(0.01);
        // the music stops where the tempo map ends; only the release of the last notes (house:
        // short) may ring on. fluidsynth pads the file with a few seconds of near-silence after
        // that (2 s for a one-bar file, about 5 s here), so the file length is only a lower bound
        assertThat(audibleEnd).isBetween(expectedSeconds - 0.25, expectedSeconds + 0.5);
        assertThat(pcm.seconds()).isGreaterThanOrEqualTo(expectedSeconds);
    }

    /** 16-bit PCM samples of a WAV file, channels interleaved. */
    private record Pcm(double[] samples, int channels, float frameRate) {

        static Pcm read(File wav) throws Exception {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav)) {
                AudioFormat format = in.getFormat();
                assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                assertThat(format.getSampleSizeInBits()).isEqualTo(16);
                byte[] bytes = in.readAllBytes();
                boolean bigEndian = format.isBigEndian();
                double[] samples = new double[bytes.length / 2];
                for (int i = 0; i < samples.length; i++) {
                    int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xFF;
                    int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
                    samples[i] = ((hi << 8) | lo) / 32768.0;
                }
                return new Pcm(samples, format.getChannels(), format.getFrameRate());
            }
        }

        double seconds() {
            return samples.length / (double) channels / frameRate;
        }

        /** End of the last 50 ms window whose RMS exceeds {@code threshold}. */
        double audibleEnd(double threshold) {
            double window = 0.05;
            for (double t = seconds() - window; t >= 0; t -= window) {
                if (rms(t, t + window) > threshold) {
                    return t + window;
                }
            }
            return 0;
        }

        /** RMS over {@code [fromSeconds, toSeconds)}, relative to full scale. */
        double rms(double fromSeconds, double toSeconds) {
            int from = Math.max(0, (int) (fromSeconds * frameRate) * channels);
            int to = Math.min(samples.length, (int) (toSeconds * frameRate) * channels);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += samples[i] * samples[i];
            }
            return to > from ? Math.sqrt(sum / (to - from)) : 0;
        }
    }
}
