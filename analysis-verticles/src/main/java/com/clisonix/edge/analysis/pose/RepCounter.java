package com.clisonix.edge.analysis.pose;

/**
 * Counts repetitions from one exercise's signal with a two-threshold hysteresis state machine
 * (pose.md section 4.1 and 5): a repetition is counted on the return to the extended position
 * after the flexed position was reached, at least {@link RepThresholds#minRepSeconds()} after the
 * previous one. Counting on the return (not on reaching the bottom) is what ML Kit and the
 * LearnOpenCV analyser do, and it means a half-finished last repetition is never counted.
 *
 * <p>Partial attempts are reported instead of counted: a descent that went past the partial
 * threshold but came back without reaching the flexed state ({@link Outcome#PARTIAL_FLEXION}),
 * and a return that rose past the partial extension threshold but went back down without
 * reaching the extended state ({@link Outcome#PARTIAL_EXTENSION}).
 *
 * <p>Inactivity: after {@link #INACTIVITY_SECONDS} without a state change away from the extended
 * position (the athlete sat down mid-repetition, or walked off), the machine returns to its
 * ready state; the count is kept. Pure and allocation-free; not thread-safe.
 */
public final class RepCounter {

    /** A stalled repetition is abandoned after this long (LearnOpenCV's inactivity timer). */
    public static final double INACTIVITY_SECONDS = 15.0;

    /** What one update did. */
    public enum Outcome { NONE, REP, PARTIAL_FLEXION, PARTIAL_EXTENSION }

    /** Where in the movement the athlete is. */
    public enum Phase { READY, EXTENDED, DESCENDING, FLEXED, ASCENDING }

    private final RepThresholds th;
    private Phase phase = Phase.READY;
    private int reps;
    private double lastRepT = Double.NEGATIVE_INFINITY;
    private double lastChangeT = Double.NaN;
    private boolean reachedPartial;

    public RepCounter(RepThresholds thresholds) {
        this.th = thresholds;
    }

    /**
     * Feeds one frame.
     *
     * @param t          time in seconds
     * @param signal     the repetition signal in degrees (finite)
     * @param extendedOk extra condition for the extended position
     * @param flexedOk   extra condition for the flexed position
     */
    public Outcome update(double t, double signal, boolean extendedOk, boolean flexedOk) {
        if (Double.isNaN(lastChangeT)) {
            lastChangeT = t;
        }
        if (phase != Phase.READY && phase != Phase.EXTENDED
                && t - lastChangeT > INACTIVITY_SECONDS) {
            to(Phase.READY, t);
        }
        // A big jump between frames (dropped frames, a fast movement) may cross several
        // thresholds at once: keep stepping until the state settles or something is reported.
        for (int i = 0; i < 4; i++) {
            Phase before = phase;
            Outcome o = step(t, signal, extendedOk, flexedOk);
            if (o != Outcome.NONE || phase == before) {
                return o;
            }
        }
        return Outcome.NONE;
    }

    private Outcome step(double t, double signal, boolean extendedOk, boolean flexedOk) {
        boolean enterExtended = signal >= th.extendedEnter() && extendedOk;
        boolean enterFlexed = signal <= th.flexedEnter() && flexedOk;
        switch (phase) {
            case READY -> {
                if (enterExtended) {
                    to(Phase.EXTENDED, t);
                } else if (!th.startExtended() && enterFlexed) {
                    to(Phase.FLEXED, t);
                }
            }
            case EXTENDED -> {
                if (signal < th.extendedExit()) {
                    reachedPartial = signal <= th.partialFlexed();
                    to(Phase.DESCENDING, t);
                }
            }
            case DESCENDING -> {
                if (enterFlexed) {
                    to(Phase.FLEXED, t);
                } else if (enterExtended) {
                    to(Phase.EXTENDED, t);
                    return reachedPartial ? Outcome.PARTIAL_FLEXION : Outcome.NONE;
                } else if (signal <= th.partialFlexed()) {
                    reachedPartial = true;
                }
            }
            case FLEXED -> {
                if (signal > th.flexedExit()) {
                    reachedPartial = false;
                    to(Phase.ASCENDING, t);
                }
            }
            case ASCENDING -> {
                if (enterExtended) {
                    to(Phase.EXTENDED, t);
                    if (t - lastRepT >= th.minRepSeconds()) {
                        reps++;
                        lastRepT = t;
                        return Outcome.REP;
                    }
                    return Outcome.NONE;
                } else if (enterFlexed) {
                    to(Phase.FLEXED, t);
                    return reachedPartial ? Outcome.PARTIAL_EXTENSION : Outcome.NONE;
                } else if (!Double.isNaN(th.partialExtended()) && signal >= th.partialExtended()) {
                    reachedPartial = true;
                }
            }
            default -> throw new IllegalStateException();
        }
        return Outcome.NONE;
    }

    /** Repetitions counted so far. */
    public int reps() {
        return reps;
    }

    public Phase phase() {
        return phase;
    }

    private void to(Phase next, double t) {
        phase = next;
        lastChangeT = t;
    }
}
