package com.clisonix.edge.music.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the floor stands for the warm-up and cool-down shapes: when the current session started
 * and when its end was signalled.
 *
 * <p>A session is a class while one runs (from {@code class.changed} "started" to "ended").
 * With no class, the first workout that opens on an idle floor starts an open-floor session and
 * the last one to end signals its end, so an open gym also gets a gentle start and a cool-down.
 * Once the cool-down glide is over ({@link #settle}) the session is over: the floor is open again,
 * the coach's mode and style apply, and with nobody training the tempo simply holds where the
 * glide left it. Keeping the floor in cool-down instead would ignore a coach's manual tempo until
 * the next class.
 *
 * <p>Not thread-safe: confine to the music verticle's context.
 */
public final class FloorSession {

    private final Set<String> openWorkouts = new HashSet<>();
    private String runningClass;
    private Instant startedAt;
    private Instant endingAt;

    /** A class started: its start is the session start, whatever was playing before. */
    public void classStarted(String classId, Instant at) {
        runningClass = Objects.requireNonNull(classId, "classId");
        startedAt = Objects.requireNonNull(at, "at");
        endingAt = null;
    }

    /** The running class ended: cool-down from {@code at}. An unknown class id is ignored. */
    public void classEnded(String classId, Instant at) {
        if (classId.equals(runningClass)) {
            runningClass = null;
            endingAt = at;
        }
    }

    /** A workout opened; with no class running, it may start an open-floor session. */
    public void workoutStarted(String workoutId, Instant at) {
        openWorkouts.add(workoutId);
        if (runningClass == null && (startedAt == null || endingAt != null)) {
            // the first workout on an idle floor, or one that opens during a cool-down, starts anew
            startedAt = at;
            endingAt = null;
        }
    }

    /** A workout ended; the last one of an open floor signals the session's end. */
    public void workoutEnded(String workoutId, Instant at) {
        boolean wasOpen = openWorkouts.remove(workoutId);
        if (wasOpen && runningClass == null && openWorkouts.isEmpty() && startedAt != null && endingAt == null) {
            endingAt = at;
        }
    }

    /** Ends the session once its cool-down, of length {@code coolDown}, is over at {@code now}. */
    public void settle(Instant now, Duration coolDown) {
        if (endingAt != null && !now.isBefore(endingAt.plus(coolDown))) {
            startedAt = null;
            endingAt = null;
        }
    }

    public Optional<String> runningClass() {
        return Optional.ofNullable(runningClass);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> endingAt() {
        return Optional.ofNullable(endingAt);
    }

    public Set<String> openWorkouts() {
        return Set.copyOf(openWorkouts);
    }
}
