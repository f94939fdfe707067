package com.clisonix.edge.music.midi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Records generated bars into a format-1 Standard MIDI File.
 *
 * <p>Layout: track 0 is the tempo map (track name, 4/4 time signature, and a Set Tempo event at
 * tick 0 and at every bar whose tempo differs from the bar before); then one track per channel
 * in the order drums, bass, chords. Putting the tempo map in the first track follows the usual
 * format-1 convention (midi.md §1). Division is {@link GrooveGenerator#PPQ} ticks per quarter.
 * Each track's End of Track sits at the end of the last recorded bar, so the file lasts exactly
 * the recorded bars.
 *
 * <p>A recording can begin at any bar of the class stream (a workout that joins mid-class) and
 * stop at any bar; its tick 0 is the first recorded bar line. Not thread-safe.
 */
public final class SmfRecorder {

    /** SMF type written: several simultaneous tracks. */
    public static final int FILE_TYPE = 1;

    private final Sequence sequence;
    private final Track tempoTrack;
    private final Map<Integer, Track> channelTracks = new LinkedHashMap<>();
    private long nextTick;
    private long lastMicrosPerQuarter = -1;
    private int barCount;
    private long firstBarIndex = -1;
    private long lastBarIndex = -1;
    private long durationMicros;
    private double sumOfBarSeconds;
    private boolean stopped;

    public SmfRecorder() {
        try {
            sequence = new Sequence(Sequence.PPQ, GrooveGenerator.PPQ);
        } catch (InvalidMidiDataException e) {
            // unreachable: PPQ is a valid division type
            throw new IllegalStateException(e);
        }
        tempoTrack = sequence.createTrack();
        tempoTrack.add(new MidiEvent(trackName("tempo"), 0));
        tempoTrack.add(new MidiEvent(MidiTempo.fourFourTimeSignature(), 0));
        trackFor(GrooveGenerator.DRUM_CHANNEL);
        trackFor(GrooveGenerator.BASS_CHANNEL);
        trackFor(GrooveGenerator.CHORD_CHANNEL);
    }

    /**
     * Appends a bar after the previously recorded one.
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    public void record(GrooveBar bar) {
        Objects.requireNonNull(bar, "bar");
        if (stopped) {
            throw new IllegalStateException("the recording has been stopped");
        }
        long start = nextTick;
        long micros = MidiTempo.microsPerQuarter(bar.bpm());
        if (micros != lastMicrosPerQuarter) {
            tempoTrack.add(new MidiEvent(MidiTempo.tempoMessage(bar.bpm()), start));
            lastMicrosPerQuarter = micros;
        }
        for (MidiEvent event : bar.toMidiEvents(start)) {
            trackFor(((ShortMessage) event.getMessage()).getChannel()).add(event);
        }
        nextTick = start + GrooveGenerator.TICKS_PER_BAR;
        extendEndOfTracks();
        if (firstBarIndex < 0) {
            firstBarIndex = bar.index();
        }
        lastBarIndex = bar.index();
        barCount++;
        durationMicros += bar.durationMicros();
        sumOfBarSeconds += GrooveGenerator.BEATS_PER_BAR * 60.0 / bar.bpm();
    }

    /** Ends the recording; later {@link #record} calls fail. The data stays readable. */
    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Number of recorded bars. */
    public int barCount() {
        return barCount;
    }

    /** Stream index of the first recorded bar; empty before the first bar. */
    public OptionalLong firstBarIndex() {
        return barCount == 0 ? OptionalLong.empty() : OptionalLong.of(firstBarIndex);
    }

    /** Stream index of the last recorded bar; empty before the first bar. */
    public OptionalLong lastBarIndex() {
        return barCount == 0 ? OptionalLong.empty() : OptionalLong.of(lastBarIndex);
    }

    /** Playing time of the recording with the file's (rounded) tempi. */
    public long durationMicros() {
        return durationMicros;
    }

    /**
     * Time-weighted mean tempo: total beats over total time, i.e. each bar's tempo weighted by
     * how long it lasts. With four beats in every bar this is the harmonic mean of the bars'
     * tempi, which is lower than their plain average whenever the tempo varied. Computed from
     * the planned tempi, it agrees with the file's tempo map to within the microsecond rounding
     * of Set Tempo. Empty before the first bar. This is the value a workout reports as
     * {@code adaptive_music_bpm}.
     */
    public OptionalDouble meanBpm() {
        if (barCount == 0) {
            return OptionalDouble.empty();
        }
        double beats = (double) barCount * GrooveGenerator.BEATS_PER_BAR;
        return OptionalDouble.of(beats * 60.0 / sumOfBarSeconds);
    }

    /**
     * The live sequence. Callers should treat it as read-only; further bars keep being appended
     * to it until {@link #stop()}.
     */
    public Sequence sequence() {
        return sequence;
    }

    /** Writes the recording as an SMF type 1. */
    public void writeTo(OutputStream out) throws IOException {
        MidiSystem.write(sequence, FILE_TYPE, out);
    }

    /** Writes the recording to a file as an SMF type 1. */
    public void writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
    }

    /** The recording as SMF type 1 bytes, e.g. for {@code GET .../music.mid}. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            // a byte array stream does not fail; an exception here is a writer bug
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private Track trackFor(int channel) {
        return channelTracks.computeIfAbsent(channel, c -> {
            Track track = sequence.createTrack();
            track.add(new MidiEvent(trackName(nameOf(c)), 0));
            return track;
        });
    }

    private void extendEndOfTracks() {
        // Track keeps one End of Track; adding another only moves it to the later tick
        tempoTrack.add(new MidiEvent(MidiTempo.endOfTrack(), nextTick));
        for (Track track : channelTracks.values()) {
            track.add(new MidiEvent(MidiTempo.endOfTrack(), nextTick));
        }
    }

    private static String nameOf(int channel) {
        return switch (channel) {
            case GrooveGenerator.DRUM_CHANNEL -> "drums";
            case GrooveGenerator.BASS_CHANNEL -> "bass";
            case GrooveGenerator.CHORD_CHANNEL -> "chords";
            default -> "channel " + (channel + 1);
        };
    }

    private static MetaMessage trackName(String name) {
        return MidiTempo.meta(MidiTempo.TRACK_NAME, name.getBytes(StandardCharsets.US_ASCII));
    }
}
