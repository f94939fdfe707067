package com.clisonix.edge.music.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;

/**
 * Tempo conversions for Standard MIDI Files. A Set Tempo meta event ({@code FF 51 03 tt tt tt})
 * stores microseconds per quarter note as a 24-bit big-endian integer, not bpm (midi.md §1).
 */
public final class MidiTempo {

    /** Meta event type of Set Tempo. */
    public static final int SET_TEMPO = 0x51;
    /** Meta event type of End of Track. */
    public static final int END_OF_TRACK = 0x2F;
    /** Meta event type of Time Signature. */
    public static final int TIME_SIGNATURE = 0x58;
    /** Meta event type of Sequence/Track Name. */
    public static final int TRACK_NAME = 0x03;

    private static final long MAX_24_BIT = 0xFFFFFF;

    private MidiTempo() {
    }

    /** {@code round(60 000 000 / bpm)}; bpm must be positive and slower tempi must fit 24 bits. */
    public static long microsPerQuarter(double bpm) {
        if (!Double.isFinite(bpm) || bpm <= 0) {
            throw new IllegalArgumentException("bpm must be positive, got " + bpm);
        }
        long micros = Math.round(60_000_000.0 / bpm);
        if (micros > MAX_24_BIT || micros < 1) {
            throw new IllegalArgumentException("tempo " + bpm + " bpm does not fit a Set Tempo event");
        }
        return micros;
    }

    /** Tempo in bpm of a Set Tempo value. */
    public static double bpmOf(long microsPerQuarter) {
        return 60_000_000.0 / microsPerQuarter;
    }

    /** The three data bytes of a Set Tempo event, big-endian. */
    public static byte[] tempoBytes(long microsPerQuarter) {
        return new byte[] {
            (byte) (microsPerQuarter >>> 16), (byte) (microsPerQuarter >>> 8), (byte) microsPerQuarter
        };
    }

    /** Reads the value of Set Tempo data bytes. */
    public static long microsOf(byte[] data) {
        if (data.length != 3) {
            throw new IllegalArgumentException("Set Tempo carries 3 bytes, got " + data.length);
        }
        return ((data[0] & 0xFFL) << 16) | ((data[1] & 0xFFL) << 8) | (data[2] & 0xFFL);
    }

    /** A Set Tempo meta message for the given tempo. */
    public static MetaMessage tempoMessage(double bpm) {
        return meta(SET_TEMPO, tempoBytes(microsPerQuarter(bpm)));
    }

    /** A 4/4 Time Signature: 24 MIDI clocks per metronome click, 8 32nd notes per quarter. */
    public static MetaMessage fourFourTimeSignature() {
        return meta(TIME_SIGNATURE, new byte[] {4, 2, 24, 8});
    }

    /** An End of Track meta message. */
    public static MetaMessage endOfTrack() {
        return meta(END_OF_TRACK, new byte[0]);
    }

    static MetaMessage meta(int type, byte[] data) {
        try {
            return new MetaMessage(type, data, data.length);
        } catch (InvalidMidiDataException e) {
            // unreachable for the fixed types used here
            throw new IllegalStateException("cannot build meta event 0x" + Integer.toHexString(type), e);
        }
    }
}
