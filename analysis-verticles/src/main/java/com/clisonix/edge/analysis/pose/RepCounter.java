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
 * <p>Start position learned from the athlete (pose.md section 7, "thresholds don't fit
 * everyone"): a 2-D angle seen from a slightly turned camera, or an athlete whose elbows or knees
 * do not lock, can stay below the fixed extended threshold in a perfectly good start position,
 * and then no repetition is ever counted. The counter keeps the highest signal of the set (only
 * frames that satisfy the extended condition) and, once the athlete has gone from there all the
 * way into the flexed position (the first excursion proves it was a start position, not a
 * half-way stop), lowers the extended thresholds to {@link #TOP_MARGIN} below that top, by at most
 * {@link #maxTopShift(RepThresholds)}. The exit and partial thresholds move with it, so the
 * hysteresis band keeps its width. The flexed thresholds never move: they are the depth standard
 * the shallow-repetition check stands on, and relaxing them to the athlete's own bottom would
 * count every too-shallow attempt. Deadlifts may start from the floor, so they learn their top
 * the same way.
 *
 * <p>Inactivity: after {@link #INACTIVITY_SECONDS} without a state change away from the extended
 * position (the athlete sat down mid-repetition, or walked off), the machine returns to its
 * ready state; the count is kept. Pure and allocation-free; not thread-safe.
 */
public final class RepCounter {

    /** A stalled repetition is abandoned after this long (LearnOpenCV's inactivity timer). */
    public static final double INACTIVITY_SECONDS = 15.0;

    /**
     * A learned start position is entered this far below the highest signal seen: covers the
     * landmark jitter left after smoothing (a few degrees) and a top that varies a little from
     * repetition to repetition.
     */
    public static final double TOP_MARGIN = 10.0;

    /** Upper bound of how far the extended thresholds may be lowered, in degrees. */
    public static final double MAX_TOP_SHIFT = 30.0;

    /**
     * How far the extended thresholds of {@code th} may be lowered: at most {@link #MAX_TOP_SHIFT},
     * and never so far that the lowered exit comes within 10 degrees of the flexed exit (the
     * two positions must stay apart by more than the jitter).
     */
    public static double maxTopShift(RepThresholds th) {
        return Math.max(0, Math.min(MAX_TOP_SHIFT, th.extendedExit() - th.flexedExit() - 10));
    }

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
    private final double maxShift;
    /**
     * Per source (the limb the signal comes from: 0 left or the only one, 1 right): highest
     * signal seen while the extended condition held; -infinity before any. Angles of two limbs
     * seen from one camera differ, so each keeps its own start position.
     */
    private final double[] tops = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    /** Per source: whether its top has been confirmed by a descent into the flexed position. */
    private final boolean[] learned = new boolean[2];
    private int source;
    /**
     * Set when a stalled repetition was abandoned at the bottom: the athlete must rise out of the
     * flexed position before a new first excursion can start there.
     */
    private boolean stalledLow;
    /** Current shift of the extended, exit and partial thresholds (0 = the fixed table). */
    private double shift;

    public RepCounter(RepThresholds thresholds) {
        this.th = thresholds;
        this.maxShift = maxTopShift(thresholds);
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
            stalledLow = true;
        }
        if (signal > th.flexedExit()) {
            stalledLow = false;
        }
        if (extendedOk && signal > tops[source]) {
            tops[source] = signal;
            if (learned[source]) {
                shift = shiftFor(signal);
            }
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
        double partialFlexed = Math.max(th.flexedEnter() + 5, th.partialFlexed() - shift);
        boolean enterExtended = signal >= th.extendedEnter() - shift && extendedOk;
        boolean enterFlexed = signal <= th.flexedEnter() && flexedOk;
        switch (phase) {
            case READY -> {
                if (enterExtended) {
                    to(Phase.EXTENDED, t);
                } else if (enterFlexed && (!th.startExtended()
                        || !stalledLow && plausibleTop())) {
                    // first excursion from a start position below the fixed threshold, seen
                    // since the counter became ready (not a stalled repetition resumed)
                    learnTop();
                    to(Phase.FLEXED, t);
                }
            }
            case EXTENDED -> {
                if (signal < th.extendedExit() - shift) {
                    reachedPartial = signal <= partialFlexed;
                    to(Phase.DESCENDING, t);
                }
            }
            case DESCENDING -> {
                if (enterFlexed) {
                    learnTop();
                    to(Phase.FLEXED, t);
                } else if (enterExtended) {
                    to(Phase.EXTENDED, t);
                    return reachedPartial ? Outcome.PARTIAL_FLEXION : Outcome.NONE;
                } else if (signal <= partialFlexed) {
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
                    learnTop();
                    to(Phase.FLEXED, t);
                    return reachedPartial ? Outcome.PARTIAL_EXTENSION : Outcome.NONE;
                } else if (!Double.isNaN(th.partialExtended())
                        && signal >= Math.min(th.partialExtended(), th.extendedEnter() - shift - 5)) {
                    reachedPartial = true;
                }
            }
            default -> throw new IllegalStateException();
        }
        return Outcome.NONE;
    }

    /**
     * Whether the highest signal seen could be a start position: the lowest learned threshold
     * is reachable from it.
     */
    private boolean plausibleTop() {
        return tops[source] >= th.extendedEnter() - maxShift;
    }

    private void learnTop() {
        if (plausibleTop()) {
            learned[source] = true;
            shift = shiftFor(tops[source]);
        }
    }

    private double shiftFor(double highest) {
        return Math.max(0, Math.min(maxShift, th.extendedEnter() - (highest - TOP_MARGIN)));
    }

    /** The extended threshold in use: the table's, or lower once a start position was learned. */
    public double extendedEnter() {
        return th.extendedEnter() - shift;
    }

    /**
     * Selects the limb the following signals come from (0 left or the only one, 1 right), so
     * that each limb's start position is learned and applied separately. The phase and count
     * carry over.
     *
     * @param limb    0 or 1 (anything else counts as 0)
     * @param highest the highest signal already measured on that limb, also while another one was
     *                in use (or -infinity): the start position may have been seen before a switch
     * @param lowest  the lowest signal measured on that limb (or +infinity): when it reached the
     *                flexed position, that limb has made its excursion and its top is confirmed
     */
    public void selectSource(int limb, double highest, double lowest) {
        int next = limb == 1 ? 1 : 0;
        source = next;
        if (highest > tops[next]) {
            tops[next] = highest;
        }
        if (!learned[next] && lowest <= th.flexedEnter()) {
            learnTop();
        }
        shift = learned[next] ? shiftFor(tops[next]) : 0;
    }

    /**
     * Forgets the learned start positions (the athlete left the frame long enough to have moved
     * or been replaced); the count is kept.
     */
    public void forgetTop() {
        for (int i = 0; i < 2; i++) {
            tops[i] = Double.NEGATIVE_INFINITY;
            learned[i] = false;
        }
        shift = 0;
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
