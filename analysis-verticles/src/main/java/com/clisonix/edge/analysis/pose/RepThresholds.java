package com.clisonix.edge.analysis.pose;

/**
 * Hysteresis thresholds of one exercise's repetition signal, in degrees. The signal is an
 * interior joint angle that is large in the start ("extended") position and small at the far end
 * of the movement ("flexed"). A state is entered past its enter threshold and left only past its
 * exit threshold; the band between them absorbs landmark jitter.
 *
 * <p>Values come from the starting table in pose.md section 5 (itself a synthesis of section 4.3
 * and 4.4), picked inside the published ranges:
 * <ul>
 *   <li>push-up, elbow: extended &gt; 155 (exit &lt; 145), flexed &lt; 95 (exit &gt; 105);</li>
 *   <li>squat, knee: &gt; 160 (&lt; 150), &lt; 100 (&gt; 110);</li>
 *   <li>deadlift, hip (shoulder-hip-knee): &gt; 155 with knees &ge; 150 (&lt; 145), &lt; 120
 *       (&gt; 130). Section 4.3 uses 168 at the top; 155 counts a repetition whose lockout is
 *       soft, and a separate form check ({@link FormIssue#DEADLIFT_INCOMPLETE_LOCKOUT}) reports
 *       it instead of silently dropping the repetition;</li>
 *   <li>lunge, front knee: &gt; 160 (&lt; 150), &lt; 115 (&gt; 125), inside the [60, 125]
 *       bottom range of section 4.4;</li>
 *   <li>pull-up, mean elbow: hang &gt; 160 (&lt; 150), top &lt; 80 with the nose above the hands
 *       (&gt; 95);</li>
 *   <li>bicep curl, elbow: &gt; 155 (&lt; 140), &lt; 55 (&gt; 70).</li>
 * </ul>
 * The partial thresholds mark an attempt: a movement that passed {@code partialFlexed} without
 * reaching the flexed state is a partial (too shallow) repetition, one that rose past
 * {@code partialExtended} from the flexed state but curled or pulled again without reaching the
 * extended state is an incomplete extension. {@code NaN} disables the latter.
 *
 * @param extendedEnter        enter the extended state at or above this
 * @param extendedExit         leave it below this
 * @param flexedEnter          enter the flexed state at or below this
 * @param flexedExit           leave it above this
 * @param partialFlexed        a descent below this counts as an attempt
 * @param partialExtended      a return above this counts as an attempted extension, or NaN
 * @param minRepSeconds        minimum time between two counted repetitions
 * @param startExtended        whether counting waits for the extended position first (the "ready"
 *                             state that stops a push-up being counted while lying down); a
 *                             deadlift starts from the floor, so it does not wait
 */
public record RepThresholds(double extendedEnter, double extendedExit, double flexedEnter,
                            double flexedExit, double partialFlexed, double partialExtended,
                            double minRepSeconds, boolean startExtended) {

    /**
     * Minimum 0.5 s between repetitions (pose.md section 6: section 4.3 cooldown and Good-GYM
     * PR #3); a faster "repetition" is landmark noise or a bounce.
     */
    public static final double MIN_REP_SECONDS = 0.5;

    /** Deadlift: the knees must be at least this straight for the top position to count. */
    static final double DEADLIFT_KNEE_AT_TOP = 150;

    public RepThresholds {
        if (!(extendedExit < extendedEnter && flexedEnter < flexedExit
                && flexedExit < extendedExit && partialFlexed > flexedEnter
                && partialFlexed < extendedEnter)) {
            throw new IllegalArgumentException("thresholds out of order");
        }
    }

    /** The thresholds used for {@code kind}; a plank has none (it is timed, not counted). */
    public static RepThresholds forExercise(ExerciseKind kind) {
        double none = Double.NaN;
        return switch (kind) {
            case PUSH_UP -> new RepThresholds(155, 145, 95, 105, 130, none, MIN_REP_SECONDS, true);
            case SQUAT -> new RepThresholds(160, 150, 100, 110, 135, none, MIN_REP_SECONDS, true);
            case DEADLIFT -> new RepThresholds(155, 145, 120, 130, 145, none, MIN_REP_SECONDS,
                    false);
            case LUNGE -> new RepThresholds(160, 150, 115, 125, 145, none, MIN_REP_SECONDS, true);
            case PULL_UP -> new RepThresholds(160, 150, 80, 95, 130, 130, MIN_REP_SECONDS, true);
            case BICEP_CURL -> new RepThresholds(155, 140, 55, 70, 110, 120, MIN_REP_SECONDS, true);
            case PLANK -> throw new IllegalArgumentException("a plank is timed, not counted");
        };
    }

    /** Terminal-pose classification of a single frame by the enter thresholds. */
    public enum Position { EXTENDED, FLEXED, BETWEEN }

    /**
     * Classifies one frame's signal as the extended or flexed terminal position, or neither.
     * Used to measure the thresholds on labelled single frames.
     */
    public Position classify(double signal, boolean extendedOk, boolean flexedOk) {
        if (signal >= extendedEnter && extendedOk) {
            return Position.EXTENDED;
        }
        if (signal <= flexedEnter && flexedOk) {
            return Position.FLEXED;
        }
        return Position.BETWEEN;
    }
}
