package com.clisonix.edge.analysis.pose;

import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_ANKLE;
import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_ELBOW;
import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_HIP;
import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_KNEE;
import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_SHOULDER;
import static com.clisonix.edge.analysis.pose.PoseLandmark.LEFT_WRIST;

/**
 * Turns gated landmarks into {@link FrameFeatures} for one exercise.
 *
 * <p>Side choice (pose.md section 5, "pick the side by visibility"): for single-side measures the
 * side whose required joints are all usable and whose visibility sum is higher wins. To avoid
 * flipping between sides on every frame, the previous side is kept unless the other side is
 * better by {@link #SIDE_SWITCH_MARGIN} per joint. When both sides are equally visible (within
 * 0.02 per joint, e.g. data without visibility), the side with the longer projected limbs wins:
 * the less foreshortened side gives the more trustworthy 2-D angle (LearnOpenCV's rule, pose.md
 * section 4.2).
 *
 * <p>Within that visibility margin the caller may name a preferred side: the live analyser prefers
 * the side whose signal has shown the larger range of motion in the set ({@link SideRanges}), the
 * less foreshortened limb. The per-side signals are reported in {@link FrameFeatures#sideSignal}
 * for that purpose.
 */
final class FeatureExtractor {

    /** Visibility advantage per joint needed to leave the previously used side. */
    static final double SIDE_SWITCH_MARGIN = 0.1;

    private static final int NOSE = PoseLandmark.NOSE.index();

    private FeatureExtractor() {
    }

    /**
     * Fills {@code out} for {@code kind} from {@code p}.
     *
     * @param previousSide side used in the previous frame, or -1
     */
    static void extract(ExerciseKind kind, PosePoints p, int previousSide, FrameFeatures out) {
        extract(kind, p, previousSide, -1, out);
    }

    /**
     * Fills {@code out} for {@code kind} from {@code p}.
     *
     * @param previousSide  side used in the previous frame, or -1
     * @param preferredSide side to use when both are usable and about equally visible, or -1
     */
    static void extract(ExerciseKind kind, PosePoints p, int previousSide, int preferredSide,
                        FrameFeatures out) {
        out.clear();
        int prev = previousSide;
        int preferred = preferredSide;
        out.alignmentRatio = p.world ? Double.NaN : alignmentRatio(p);
        switch (kind) {
            case PUSH_UP -> pushUp(p, prev, preferred, out);
            case PLANK -> plank(p, prev, out);
            case SQUAT -> squat(p, prev, preferred, out);
            case DEADLIFT -> deadlift(p, prev, preferred, out);
            case LUNGE -> lunge(p, out);
            case PULL_UP -> pullUp(p, out);
            case BICEP_CURL -> curl(p, prev, preferred, out);
            default -> throw new IllegalStateException("unreachable");
        }
    }

    private static void pushUp(PosePoints p, int prev, int preferred, FrameFeatures out) {
        sideSignals(p, out, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_HIP);
        int s = chooseSide(p, prev, preferred, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_HIP);
        if (s >= 0) {
            out.side = s;
            out.signal = p.angle(idx(LEFT_SHOULDER, s), idx(LEFT_ELBOW, s), idx(LEFT_WRIST, s));
            bodyLine(p, s, out);
            out.countable = Double.isFinite(out.signal) && Double.isFinite(out.bodyLine);
            return;
        }
        // Without a usable arm the body line can still be judged (single-frame requests).
        s = chooseSide(p, prev, LEFT_SHOULDER, LEFT_HIP);
        if (s >= 0) {
            out.side = s;
            bodyLine(p, s, out);
        }
    }

    private static void plank(PosePoints p, int prev, FrameFeatures out) {
        int s = chooseSide(p, prev, LEFT_SHOULDER, LEFT_HIP);
        if (s < 0) {
            return;
        }
        out.side = s;
        bodyLine(p, s, out);
        out.torsoLean = p.fromVertical(idx(LEFT_HIP, s), idx(LEFT_SHOULDER, s));
        out.countable = Double.isFinite(out.bodyLine) && Double.isFinite(out.torsoLean);
    }

    private static void squat(PosePoints p, int prev, int preferred, FrameFeatures out) {
        sideSignals(p, out, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_SHOULDER);
        if (legMeasures(p, prev, preferred, out)) {
            out.signal = out.kneeAngle;
            out.countable = Double.isFinite(out.signal);
        }
    }

    private static void deadlift(PosePoints p, int prev, int preferred, FrameFeatures out) {
        sideSignals(p, out, LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE);
        if (legMeasures(p, prev, preferred, out)) {
            out.signal = out.hipAngle;
            out.extendedOk = out.kneeAngle >= RepThresholds.DEADLIFT_KNEE_AT_TOP;
            out.countable = Double.isFinite(out.signal) && Double.isFinite(out.kneeAngle);
        }
    }

    private static void lunge(PosePoints p, FrameFeatures out) {
        int lh = idx(LEFT_HIP, 0);
        int rh = idx(LEFT_HIP, 1);
        int lk = idx(LEFT_KNEE, 0);
        int rk = idx(LEFT_KNEE, 1);
        int la = idx(LEFT_ANKLE, 0);
        int ra = idx(LEFT_ANKLE, 1);
        int sh = p.ok(idx(LEFT_SHOULDER, 0)) ? idx(LEFT_SHOULDER, 0) : idx(LEFT_SHOULDER, 1);
        if (!p.ok(lh, lk, la) || !p.ok(rh, rk, ra) || !p.ok(NOSE) || !p.ok(sh)) {
            return;
        }
        // The nose is ahead of the shoulders: that horizontal direction is "forward".
        double fx = p.x[NOSE] - p.x[sh];
        double fz = p.world ? p.z[NOSE] - p.z[sh] : 0;
        double leftAhead = (p.x[la] - p.x[ra]) * fx + (p.z[la] - p.z[ra]) * fz;
        int front = leftAhead >= 0 ? 0 : 1;
        int back = 1 - front;
        out.side = front;
        out.kneeAngle = p.angle(idx(LEFT_HIP, front), idx(LEFT_KNEE, front),
                idx(LEFT_ANKLE, front));
        out.backKnee = p.angle(idx(LEFT_HIP, back), idx(LEFT_KNEE, back), idx(LEFT_ANKLE, back));
        out.shinAngle = p.fromVertical(idx(LEFT_ANKLE, front), idx(LEFT_KNEE, front));
        out.torsoLean = p.fromVertical(idx(LEFT_HIP, front), sh);
        out.signal = out.kneeAngle;
        out.countable = Double.isFinite(out.signal);
    }

    private static void pullUp(PosePoints p, FrameFeatures out) {
        double sum = 0;
        double wristY = 0;
        int arms = 0;
        for (int s = 0; s < 2; s++) {
            int sh = idx(LEFT_SHOULDER, s);
            int el = idx(LEFT_ELBOW, s);
            int wr = idx(LEFT_WRIST, s);
            if (p.ok(sh, el, wr)) {
                double a = p.angle(sh, el, wr);
                if (Double.isFinite(a)) {
                    sum += a;
                    wristY += p.y[wr];
                    arms++;
                }
            }
        }
        if (arms == 0 || !p.ok(NOSE)) {
            return;
        }
        out.signal = sum / arms;
        // Image and world y both grow downwards: a smaller y is higher.
        out.flexedOk = p.y[NOSE] < wristY / arms;
        out.countable = true;
    }

    private static void curl(PosePoints p, int prev, int preferred, FrameFeatures out) {
        sideSignals(p, out, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_HIP);
        int s = chooseSide(p, prev, preferred, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_HIP);
        if (s < 0) {
            return;
        }
        out.side = s;
        int sh = idx(LEFT_SHOULDER, s);
        int el = idx(LEFT_ELBOW, s);
        out.signal = p.angle(sh, el, idx(LEFT_WRIST, s));
        double fromUp = p.fromVertical(sh, el);
        out.upperArm = 180 - fromUp;
        out.torsoLean = p.fromVertical(idx(LEFT_HIP, s), sh);
        out.countable = Double.isFinite(out.signal);
    }

    /**
     * Body line shoulder-hip-ankle; with the ankle hidden, shoulder-hip-knee (the push-up check
     * of pose.md section 4.3 uses the knee).
     */
    private static void bodyLine(PosePoints p, int s, FrameFeatures out) {
        int sh = idx(LEFT_SHOULDER, s);
        int hip = idx(LEFT_HIP, s);
        int end = p.ok(idx(LEFT_ANKLE, s)) ? idx(LEFT_ANKLE, s)
                : p.ok(idx(LEFT_KNEE, s)) ? idx(LEFT_KNEE, s) : -1;
        if (end < 0) {
            return;
        }
        out.bodyLine = p.angle(sh, hip, end);
        out.hipOffset = p.offset(sh, end, hip);
    }

    /**
     * Knee, hip, torso and shin measures on the better side; true when the whole leg was usable.
     * With only shoulder and hip usable, just the torso lean is measured.
     */
    private static boolean legMeasures(PosePoints p, int prev, int preferred, FrameFeatures out) {
        int s = chooseSide(p, prev, preferred, LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE);
        if (s < 0) {
            s = chooseSide(p, prev, LEFT_SHOULDER, LEFT_HIP);
            if (s >= 0) {
                out.side = s;
                out.torsoLean = p.fromVertical(idx(LEFT_HIP, s), idx(LEFT_SHOULDER, s));
            }
            return false;
        }
        out.side = s;
        int sh = idx(LEFT_SHOULDER, s);
        int hip = idx(LEFT_HIP, s);
        int kn = idx(LEFT_KNEE, s);
        int an = idx(LEFT_ANKLE, s);
        out.kneeAngle = p.angle(hip, kn, an);
        out.hipAngle = p.angle(sh, hip, kn);
        out.torsoLean = p.fromVertical(hip, sh);
        out.shinAngle = p.fromVertical(an, kn);
        return true;
    }

    /**
     * Shoulder width over torso length in the image (pose.md section 5: camera placement). In a
     * true side view the shoulders overlap (ratio near 0); seen head-on they are about 0.7-0.9
     * torso lengths apart. NaN when a shoulder or hip is not usable: a side view often hides the
     * far shoulder, which is then no evidence of a wrong view.
     */
    static double alignmentRatio(PosePoints p) {
        int ls = LEFT_SHOULDER.index();
        int rs = ls + 1;
        int lh = LEFT_HIP.index();
        int rh = lh + 1;
        if (!p.ok(ls) || !p.ok(rs) || !p.ok(lh) || !p.ok(rh)) {
            return Double.NaN;
        }
        double width = Math.hypot(p.x[ls] - p.x[rs], p.y[ls] - p.y[rs]);
        double torso = Math.hypot((p.x[ls] + p.x[rs] - p.x[lh] - p.x[rh]) / 2,
                (p.y[ls] + p.y[rs] - p.y[lh] - p.y[rh]) / 2);
        return torso > 1e-6 ? width / torso : Double.NaN;
    }

    /**
     * Each side's repetition signal: the interior angle at the middle one of the first three
     * joints, when all four listed joints of that side are usable; NaN otherwise.
     */
    private static void sideSignals(PosePoints p, FrameFeatures out, PoseLandmark a,
                                    PoseLandmark vertex, PoseLandmark c, PoseLandmark also) {
        for (int s = 0; s < 2; s++) {
            int ia = idx(a, s);
            int iv = idx(vertex, s);
            int ic = idx(c, s);
            out.sideSignal[s] = p.ok(ia, iv, ic) && p.ok(idx(also, s))
                    ? p.angle(ia, iv, ic) : Double.NaN;
        }
    }

    static int chooseSide(PosePoints p, int previous, PoseLandmark... leftJoints) {
        return chooseSide(p, previous, -1, leftJoints);
    }

    /** Picks the side whose listed joints are all usable; see the class comment. -1 if none. */
    static int chooseSide(PosePoints p, int previous, int preferred, PoseLandmark... leftJoints) {
        double[] score = new double[2];
        double[] length = new double[2];
        for (int s = 0; s < 2; s++) {
            double sum = 0;
            for (PoseLandmark j : leftJoints) {
                int i = idx(j, s);
                if (!p.usable[i]) {
                    sum = Double.NEGATIVE_INFINITY;
                    break;
                }
                sum += p.vis[i];
            }
            score[s] = sum;
            if (sum > Double.NEGATIVE_INFINITY) {
                for (int k = 1; k < leftJoints.length; k++) {
                    length[s] += p.dist(idx(leftJoints[k - 1], s), idx(leftJoints[k], s));
                }
            }
        }
        if (score[0] == Double.NEGATIVE_INFINITY && score[1] == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        if (score[0] == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        if (score[1] == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        int n = leftJoints.length;
        if ((preferred == 0 || preferred == 1)
                && Math.abs(score[0] - score[1]) <= SIDE_SWITCH_MARGIN * n) {
            return preferred;
        }
        if (previous == 0 || previous == 1) {
            int other = 1 - previous;
            return score[other] > score[previous] + SIDE_SWITCH_MARGIN * n ? other : previous;
        }
        if (Math.abs(score[0] - score[1]) <= 0.02 * n) {
            return length[0] >= length[1] ? 0 : 1;
        }
        return score[0] > score[1] ? 0 : 1;
    }

    static int idx(PoseLandmark leftJoint, int side) {
        return PoseLandmark.onSide(leftJoint, side);
    }
}
