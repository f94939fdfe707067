package com.clisonix.edge.music.live;

import com.clisonix.edge.music.midi.GrooveBar;
import java.time.Instant;
import java.util.Objects;

/**
 * When each bar starts, on {@link System#nanoTime()} and on the wall clock.
 *
 * <p>Bars follow each other without gaps: bar n+1 starts exactly one bar length (at bar n's
 * rounded tempo, as a MIDI file times it) after bar n. Start times are absolute, so planning
 * late never shifts later bars. Only when planning has fallen so far behind that the next bar
 * would start in the past (the box was suspended, a long pause) does the timeline jump forward
 * instead of playing a burst of overdue notes: {@link #resyncIfLate}.
 *
 * <p>Not thread-safe: the planning side owns it.
 */
public final class BarTimeline {

    private final long originNanos;
    private final Instant originWall;
    private long nextStartNanos;

    /**
     * @param firstBarNanos when the first bar starts ({@code System.nanoTime()} scale)
     * @param originNanos   a nanoTime reading taken together with {@code originWall}
     * @param originWall    the wall-clock time of {@code originNanos}
     */
    public BarTimeline(long firstBarNanos, long originNanos, Instant originWall) {
        this.nextStartNanos = firstBarNanos;
        this.originNanos = originNanos;
        this.originWall = Objects.requireNonNull(originWall, "originWall");
    }

    /** When the next bar starts (nanoTime scale). */
    public long nextStartNanos() {
        return nextStartNanos;
    }

    /** When the next bar starts, as a wall-clock instant (what the planner and the Tempo's ts see). */
    public Instant nextStartInstant() {
        return originWall.plusNanos(nextStartNanos - originNanos);
    }

    /** Places {@code bar} at the next start and returns that start; the following bar starts after it. */
    public long place(GrooveBar bar) {
        long start = nextStartNanos;
        nextStartNanos = start + bar.durationMicros() * 1000;
        return start;
    }

    /** Nanoseconds from {@code nowNanos} until the next bar must be planned to be {@code leadNanos} early. */
    public long nanosUntilPlanning(long nowNanos, long leadNanos) {
        return Math.max(0, nextStartNanos - leadNanos - nowNanos);
    }

    /**
     * Moves the next start to {@code nowNanos + minLeadNanos} if it is earlier than that; true if it
     * moved. The music then skips the lost time instead of hurrying through it.
     */
    public boolean resyncIfLate(long nowNanos, long minLeadNanos) {
        if (nextStartNanos - nowNanos < minLeadNanos) {
            nextStartNanos = nowNanos + minLeadNanos;
            return true;
        }
        return false;
    }
}
