package com.clisonix.edge.sensor.reading;

/**
 * The contract's window for a payload's own timestamp (CONTRACT.md §1 "Time"): a bridge may
 * replay buffered readings up to 24 hours old, and a clock may run a little fast, but anything
 * further out is more likely a wrong unit (seconds instead of milliseconds) or a broken clock
 * than real data.
 *
 * <p>Decoders only report the {@code ts} they read; ingestion applies this policy, so that
 * decoding stays a pure function of the payload.
 */
public final class TimestampPolicy {

    /** How far in the past a timestamp may lie (inclusive): 24 hours. */
    public static final long MAX_AGE_MS = 24L * 60 * 60 * 1000;
    /** How far in the future a timestamp may lie (inclusive): 5 minutes. */
    public static final long MAX_LEAD_MS = 5L * 60 * 1000;

    /** Outcome of {@link #check(long, long)}. */
    public enum Verdict {
        ACCEPTED("accepted"),
        TOO_OLD("ts_too_old"),
        IN_FUTURE("ts_in_future");

        private final String code;

        Verdict(String code) {
            this.code = code;
        }

        /** Stable snake_case label for metrics. */
        public String code() {
            return code;
        }
    }

    private TimestampPolicy() {
    }

    /**
     * Judges a payload timestamp against the receiver's clock.
     *
     * @param ts  the payload's time, epoch milliseconds
     * @param now the receiver's time, epoch milliseconds
     */
    public static Verdict check(long ts, long now) {
        // Subtractions are done on the now side, where overflow cannot occur for real clocks,
        // so an absurd ts (Long.MIN_VALUE, Long.MAX_VALUE) still lands on the right verdict.
        if (ts < now - MAX_AGE_MS) {
            return Verdict.TOO_OLD;
        }
        if (ts > now + MAX_LEAD_MS) {
            return Verdict.IN_FUTURE;
        }
        return Verdict.ACCEPTED;
    }

    /** True when {@code ts} lies within 24 h before and 5 min after {@code now}, bounds included. */
    public static boolean accept(long ts, long now) {
        return check(ts, now) == Verdict.ACCEPTED;
    }
}
