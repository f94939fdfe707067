package com.clisonix.edge.analysis.pose;

import java.util.ArrayList;
import java.util.List;

/**
 * The form checks of each exercise, applied to a repetition's worst values
 * ({@link RepFormTracker}) or to one static frame ({@link SinglePoseAnalyzer}). Limits live in
 * {@link FormIssue}; sources per check (pose.md):
 * <ul>
 *   <li>body line shoulder-hip-ankle &ge; 165, direction from the signed hip offset (section 5,
 *       push-up and plank rows; 4.4 plank project);</li>
 *   <li>squat torso &lt; 45 deg from vertical (4.3); shin over 40 deg from vertical = knee over toe
 *       (4.2 uses 45 for beginners, 30 for advanced lifters; 40 sits between);</li>
 *   <li>deadlift back &lt; 60 deg from vertical at the bottom (4.3, 5); lockout: the hip angle
 *       must reach 170 at the top (4.3's 168 plus the usual "stand tall");</li>
 *   <li>lunge torso within 20 deg of vertical and front shin within 30 deg (5: "torso upright",
 *       "knee over toe"; limits are this product's choice);</li>
 *   <li>curl upper arm within 30 deg of vertical (5: 25-40) and torso within 20 deg (4.3).</li>
 * </ul>
 * A pose cannot show spinal curvature, so the deadlift "rounded back" check is a proxy: a back
 * close to horizontal at the bottom is where rounding happens.
 */
final class FormRules {

    private FormRules() {
    }

    /** Checks a finished repetition. */
    static List<Violation> forRep(ExerciseKind kind, RepFormTracker r) {
        List<Violation> out = new ArrayList<>(2);
        switch (kind) {
            case PUSH_UP -> bodyLine(r.worstSag, r.worstPike, FormIssue.PUSH_UP_HIP_SAG,
                    FormIssue.PUSH_UP_HIP_PIKE, out);
            case SQUAT -> {
                above(r.maxShin, FormIssue.SQUAT_KNEE_OVER_TOE, out);
                above(r.maxTorso, FormIssue.SQUAT_TORSO_LEAN, out);
            }
            case DEADLIFT -> {
                above(r.maxTorso, FormIssue.DEADLIFT_BACK_TOO_HORIZONTAL, out);
                below(r.maxTopHip, FormIssue.DEADLIFT_INCOMPLETE_LOCKOUT, out);
            }
            case LUNGE -> {
                above(r.maxShin, FormIssue.LUNGE_KNEE_PAST_TOES, out);
                above(r.maxTorso, FormIssue.LUNGE_TORSO_LEAN, out);
            }
            case BICEP_CURL -> {
                above(r.maxUpperArm, FormIssue.CURL_LOOSE_UPPER_ARM, out);
                above(r.maxTorso, FormIssue.CURL_BODY_SWING, out);
            }
            default -> {
                // pull-up faults are partial repetitions; the plank is timed
            }
        }
        return out;
    }

    /**
     * Checks one static frame: only the checks that a single posture can show. Range of motion,
     * lockout and chin height need the movement (or the top position) and are judged only when
     * the frame shows that position; see {@link SinglePoseAnalyzer}.
     */
    static List<Violation> forFrame(ExerciseKind kind, FrameFeatures f) {
        List<Violation> out = new ArrayList<>(2);
        switch (kind) {
            case PUSH_UP -> bodyLine(f.hipOffset > 0 ? f.bodyLine : Double.NaN,
                    f.hipOffset < 0 ? f.bodyLine : Double.NaN, FormIssue.PUSH_UP_HIP_SAG,
                    FormIssue.PUSH_UP_HIP_PIKE, out);
            case PLANK -> bodyLine(f.hipOffset > 0 ? f.bodyLine : Double.NaN,
                    f.hipOffset < 0 ? f.bodyLine : Double.NaN, FormIssue.PLANK_HIP_SAG,
                    FormIssue.PLANK_HIP_PIKE, out);
            case SQUAT -> {
                above(f.shinAngle, FormIssue.SQUAT_KNEE_OVER_TOE, out);
                above(f.torsoLean, FormIssue.SQUAT_TORSO_LEAN, out);
            }
            case DEADLIFT -> above(f.torsoLean, FormIssue.DEADLIFT_BACK_TOO_HORIZONTAL, out);
            case LUNGE -> {
                if (f.kneeAngle < RepThresholds.forExercise(ExerciseKind.LUNGE).partialFlexed()) {
                    above(f.shinAngle, FormIssue.LUNGE_KNEE_PAST_TOES, out);
                }
                above(f.torsoLean, FormIssue.LUNGE_TORSO_LEAN, out);
            }
            case PULL_UP -> {
                if (f.signal <= RepThresholds.forExercise(ExerciseKind.PULL_UP).flexedEnter()
                        && !f.flexedOk) {
                    out.add(new Violation(FormIssue.PULL_UP_CHIN_BELOW_BAR, 0));
                }
            }
            case BICEP_CURL -> {
                above(f.upperArm, FormIssue.CURL_LOOSE_UPPER_ARM, out);
                above(f.torsoLean, FormIssue.CURL_BODY_SWING, out);
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return out;
    }

    /** Score of a repetition or posture: 100 minus the penalties, not below 0. */
    static double score(List<Violation> violations) {
        double s = 100;
        for (Violation v : violations) {
            s -= v.penalty();
        }
        return Math.max(0, s);
    }

    private static void bodyLine(double sagLine, double pikeLine, FormIssue sag, FormIssue pike,
                                 List<Violation> out) {
        below(sagLine, sag, out);
        below(pikeLine, pike, out);
    }

    private static void above(double value, FormIssue issue, List<Violation> out) {
        if (value > issue.limit()) {
            out.add(new Violation(issue, value - issue.limit()));
        }
    }

    private static void below(double value, FormIssue issue, List<Violation> out) {
        if (value < issue.limit()) {
            out.add(new Violation(issue, issue.limit() - value));
        }
    }
}
