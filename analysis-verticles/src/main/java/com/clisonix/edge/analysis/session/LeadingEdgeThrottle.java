package com.clisonix.edge.analysis.session;

/**
 * At most one emission per interval, on the leading edge: an update that comes a full interval
 * or more after the last emission is emitted at once; updates inside the interval are coalesced
 * into one trailing emission when the interval has passed, so the latest state is never held back
 * longer than the interval. Times are the caller's clock (wall time, not reading time: a bridge
 * that replays an hour of buffered readings still gets one emission a second). Not thread-safe.
 */
public final class LeadingEdgeThrottle {

    private final long intervalMs;
    private long lastEmitMs = Long.MIN_VALUE;
    private boolean pending;

    public LeadingEdgeThrottle(long intervalMs) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMs);
        }
        this.intervalMs = intervalMs;
    }

    /**
     * Records an update.
     *
     * @return {@code true} when the caller must emit now; {@code false} when it was coalesced
     *         (then {@link #delayMs(long)} says when the trailing emission is due)
     */
    public boolean offer(long nowMs) {
        if (lastEmitMs == Long.MIN_VALUE || nowMs - lastEmitMs >= intervalMs) {
            lastEmitMs = nowMs;
            pending = false;
            return true;
        }
        pending = true;
        return false;
    }

    /** Whether a coalesced update waits for its trailing emission. */
    public boolean pending() {
        return pending;
    }

    /** Milliseconds until the trailing emission is due (0 when due now). */
    public long delayMs(long nowMs) {
        return Math.max(0, lastEmitMs + intervalMs - nowMs);
    }

    /**
     * Takes the trailing emission if it is due.
     *
     * @return {@code true} when the caller must emit now
     */
    public boolean takeDue(long nowMs) {
        if (pending && nowMs - lastEmitMs >= intervalMs) {
            pending = false;
            lastEmitMs = nowMs;
            return true;
        }
        return false;
    }

    /**
     * Forgets a coalesced update whose trailing emission would repeat the last one (for instance a
     * sensor-contact reading in the same packet as the heart rate just emitted), without counting
     * it as an emission: the next update then goes out at once once the interval since the real
     * last emission has passed, instead of waiting a further interval behind a repeat.
     */
    public void dropPending() {
        pending = false;
    }

    /** Wall time of the last emission, or {@link Long#MIN_VALUE} before the first. */
    public long lastEmitMs() {
        return lastEmitMs;
    }
}
