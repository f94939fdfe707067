package com.clisonix.edge.music.live;

import com.clisonix.edge.music.midi.GrooveBar;
import com.clisonix.edge.music.midi.SmfRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The open recordings: one {@link SmfRecorder} per open workout and one per class. Every planned
 * bar goes into each of them, so a workout that joins mid-class gets the class music from its
 * first bar on, and its file plays on its own.
 *
 * <p>Not thread-safe: confine to the music verticle's context.
 */
public final class Recordings {

    /** What a recording belongs to. */
    public enum Kind {
        WORKOUT, CLASS;

        /** The lower-case name used on the event bus and in the store. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A recording's owner. */
    public record Key(Kind kind, String id) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A stopped recording with at least one bar.
     *
     * @param meanBpm        time-weighted mean tempo (the workout's {@code adaptive_music_bpm})
     * @param durationMicros playing time with the file's rounded tempi
     * @param midi           the Standard MIDI File, type 1
     */
    public record Finished(Key key, byte[] midi, double meanBpm, int bars, long durationMicros) {
    }

    private final Map<Key, SmfRecorder> open = new LinkedHashMap<>();

    /**
     * Starts a recording unless one is open for this owner already (a repeated event).
     *
     * @return true when a new recording was started
     */
    public boolean start(Key key) {
        return open.putIfAbsent(key, new SmfRecorder()) == null;
    }

    /**
     * Continues a recording that was open before a restart, rebuilt from its bars; a recording
     * already open for this owner stays (a repeated event must not drop its bars).
     */
    public void resume(Key key, SmfRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        open.putIfAbsent(key, recorder);
    }

    /** Adds a planned bar to every open recording. */
    public void record(GrooveBar bar) {
        for (SmfRecorder r : open.values()) {
            r.record(bar);
        }
    }

    /** Stops a recording; empty when none was open or it holds no bar yet (nothing to keep). */
    public Optional<Finished> stop(Key key) {
        SmfRecorder r = open.remove(key);
        if (r == null) {
            return Optional.empty();
        }
        r.stop();
        return finished(key, r);
    }

    /**
     * Stops a recording and hands over its recorder, which no bar touches any more, so its file can
     * be written on another thread; empty when none was open.
     */
    public Optional<SmfRecorder> detach(Key key) {
        SmfRecorder r = open.remove(key);
        if (r != null) {
            r.stop();
        }
        return Optional.ofNullable(r);
    }

    /** Stops every recording (the music stops), returning those with music. */
    public List<Finished> stopAll() {
        List<Finished> out = new ArrayList<>();
        for (Key key : List.copyOf(open.keySet())) {
            stop(key).ifPresent(out::add);
        }
        return out;
    }

    /** The music so far of an open recording with at least one bar. */
    public Optional<Finished> snapshot(Key key) {
        SmfRecorder r = open.get(key);
        return r == null ? Optional.empty() : finished(key, r);
    }

    public boolean isOpen(Key key) {
        return open.containsKey(key);
    }

    /** The finished file of a recorder; empty without a bar. */
    public static Optional<Finished> finished(Key key, SmfRecorder r) {
        if (r.barCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Finished(key, r.toBytes(), r.meanBpm().orElseThrow(), r.barCount(), r.durationMicros()));
    }
}
