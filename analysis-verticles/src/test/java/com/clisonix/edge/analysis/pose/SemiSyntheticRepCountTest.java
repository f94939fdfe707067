package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.sim.pose.PoseSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rep-count error on <b>semi-synthetic</b> sequences (pose.md section 8): real terminal poses from
 * ML Kit's {@code fitness_pose_samples.csv} (one real "up" and one real "down" frame per set),
 * replayed up-down-up with cosine interpolation between them, Gaussian pixel jitter, occlusion
 * episodes (a limb group's visibility collapses and its points wander) and dropped frames, at
 * 30 fps on a 1280x720 frame. Seeded, so every run sees the same 200 sequences per exercise.
 *
 * <p>Frames the product would refuse (head-on views, camera-alignment rule) are not used. One
 * exclusion rule for unusable frames: a frame whose keypoints put <em>both</em> limbs in the
 * opposite terminal position (an "up" frame with both elbows or knees at or below the flexed
 * threshold, a "down" frame with both at or above the extended one) contradicts its label and is
 * left out; the number left out is printed. Every other side-view frame is used, including the
 * hard ones.
 *
 * <p>Figures: sets built from any usable side-view frames (the product target is measured here;
 * a set fails when the real "down" frame does not reach the depth standard on either limb, which
 * the analyser then reports as partial attempts), how many of those sets had every movement
 * detected as a repetition or a partial attempt, and sets whose two frames the fixed thresholds
 * classify correctly on both limbs, which isolates the sequence machinery (smoothing, gating,
 * side switching under occlusion, hysteresis, timing).
 */
class SemiSyntheticRepCountTest {

    private static final List<MlKitPoseSamples.Sample> SAMPLES = MlKitPoseSamples.load();
    private static final int SEQUENCES = 200;
    private static final int W = 1280;
    private static final int H = 720;
    private static final int[][] GROUPS = {
        {13, 15, 17, 19, 21}, {14, 16, 18, 20, 22}, {25, 27, 29, 31}, {26, 28, 30, 32},
    };

    record Figures(int sequences, int exact, int offByOne, int worst, int detected) {
        double exactRate() {
            return (double) exact / sequences;
        }
    }

    @Test
    void pushUpSetsFromRealFramesAreCounted() {
        // measured 90.0 % exact on any usable side-view pair (docs/pose-analysis.md section 11);
        // the floor guards against regressions, the target (95 %) is not met, see the docs
        runAndCheck(ExerciseKind.PUSH_UP, "pushups_up", "pushups_down", 11L, 0.88);
    }

    @Test
    void squatSetsFromRealFramesAreCounted() {
        // measured 89.0 % exact on any usable side-view pair
        runAndCheck(ExerciseKind.SQUAT, "squats_up", "squats_down", 12L, 0.87);
    }

    private static void runAndCheck(ExerciseKind kind, String upLabel, String downLabel, long seed,
                                    double anyPairFloor) {
        int[] excluded = new int[1];
        List<double[][]> ups = canonical(kind, upLabel, false, excluded);
        List<double[][]> downs = canonical(kind, downLabel, false, excluded);
        List<double[][]> goodUps = canonical(kind, upLabel, true, new int[1]);
        List<double[][]> goodDowns = canonical(kind, downLabel, true, new int[1]);
        Figures any = run(kind, ups, downs, new Random(seed));
        Figures good = run(kind, goodUps, goodDowns, new Random(seed + 1000));
        System.out.printf("[pose accuracy] semi-synthetic %s: %d up + %d down side-view frames "
                        + "(%d left out: both limbs in the opposite position); any pair: exact "
                        + "%d/%d (%.1f %%), off by one %d, worst error %d, every movement counted "
                        + "or reported as a partial attempt %d/%d; correctly classified pairs: "
                        + "exact %d/%d (%.1f %%), off by one %d, worst error %d%n",
                kind.wireName(), ups.size(), downs.size(), excluded[0], any.exact(),
                any.sequences(), 100 * any.exactRate(), any.offByOne(), any.worst(),
                any.detected(), any.sequences(), good.exact(), good.sequences(),
                100 * good.exactRate(), good.offByOne(), good.worst());
        assertThat(good.exactRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(good.worst()).isLessThanOrEqualTo(1);
        assertThat(any.exactRate()).isGreaterThanOrEqualTo(anyPairFloor);
    }

    private static Figures run(ExerciseKind kind, List<double[][]> ups, List<double[][]> downs,
                               Random rnd) {
        int exact = 0;
        int offByOne = 0;
        int worst = 0;
        int detected = 0;
        for (int i = 0; i < SEQUENCES; i++) {
            double[][] up = ups.get(rnd.nextInt(ups.size()));
            double[][] down = downs.get(rnd.nextInt(downs.size()));
            int reps = 3 + rnd.nextInt(6);
            List<PoseSample> seq = sequence(up, down, reps, rnd);
            SequenceRun r = SequenceRun.of(kind, seq, W, H);
            int err = Math.abs(r.reps - reps);
            exact += err == 0 ? 1 : 0;
            offByOne += err == 1 ? 1 : 0;
            worst = Math.max(worst, err);
            detected += r.reps + r.partialReps == reps ? 1 : 0;
        }
        return new Figures(SEQUENCES, exact, offByOne, worst, detected);
    }

    /**
     * Side-view frames of one class, mirrored to face right, translated to the hip midpoint and
     * scaled to a 150 px torso, centred in a 1280x720 frame. With {@code onlyCorrect}, only the
     * frames whose left and right angles the thresholds both classify as their label. Frames
     * whose two limbs both classify as the opposite position are left out and counted in
     * {@code excluded[0]}.
     */
    private static List<double[][]> canonical(ExerciseKind kind, String label, boolean onlyCorrect,
                                              int[] excluded) {
        RepThresholds th = RepThresholds.forExercise(kind);
        boolean up = label.endsWith("_up");
        List<double[][]> out = new ArrayList<>();
        PosePoints p = new PosePoints();
        FrameFeatures f = new FrameFeatures();
        for (MlKitPoseSamples.Sample s : SAMPLES) {
            if (!s.label().equals(label)) {
                continue;
            }
            p.load(Skeleton.fromPixels(s.xyz(), 1.0), false, PosePoints.VISIBILITY_GATE);
            FeatureExtractor.extract(kind, p, -1, f);
            if (f.alignmentRatio > ExerciseAnalyzer.SIDE_VIEW_MAX_RATIO) {
                continue;
            }
            if (bothSidesAre(kind, th, s.xyz(), !up)) {
                excluded[0]++;
                continue;
            }
            if (onlyCorrect && !bothSidesAre(kind, th, s.xyz(), up)) {
                continue;
            }
            out.add(place(kind, s.xyz()));
        }
        return out;
    }

    /**
     * Whether the left and the right limb each classify as the extended ({@code up}) or flexed
     * position: an occlusion in the sequence can move the analyser to either side, so a clean
     * test of the sequence machinery needs both.
     */
    private static boolean bothSidesAre(ExerciseKind kind, RepThresholds th, double[][] xyz,
                                       boolean up) {
        RepThresholds.Position want = up ? RepThresholds.Position.EXTENDED
                : RepThresholds.Position.FLEXED;
        int a = kind == ExerciseKind.PUSH_UP ? 11 : 23;
        for (int side = 0; side < 2; side++) {
            int i = a + side;
            double angle = JointAngles.angle2d(xyz[i][0], xyz[i][1], xyz[i + 2][0], xyz[i + 2][1],
                    xyz[i + 4][0], xyz[i + 4][1]);
            if (th.classify(angle, true, true) != want) {
                return false;
            }
        }
        return true;
    }

    private static double[][] place(ExerciseKind kind, double[][] xyz) {
        double hx = (xyz[23][0] + xyz[24][0]) / 2;
        double hy = (xyz[23][1] + xyz[24][1]) / 2;
        double sx = (xyz[11][0] + xyz[12][0]) / 2;
        double sy = (xyz[11][1] + xyz[12][1]) / 2;
        double torso = Math.hypot(sx - hx, sy - hy);
        double facing = kind == ExerciseKind.PUSH_UP ? xyz[0][0] - hx
                : (xyz[31][0] + xyz[32][0] - xyz[29][0] - xyz[30][0]);
        double mirror = facing >= 0 ? 1 : -1;
        double k = 150 / torso;
        double[][] out = new double[33][2];
        for (int i = 0; i < 33; i++) {
            out[i][0] = W / 2.0 + mirror * (xyz[i][0] - hx) * k;
            out[i][1] = H * 0.55 + (xyz[i][1] - hy) * k;
        }
        return out;
    }

    /** up, then per rep down and up again with cosine easing, holds, jitter, occlusion, drops. */
    private static List<PoseSample> sequence(double[][] up, double[][] down, int reps, Random rnd) {
        List<double[]> depth = new ArrayList<>();
        double fps = 30;
        addHold(depth, 0, 1.0, fps);
        for (int r = 0; r < reps; r++) {
            addMove(depth, 0, 1, 0.8 + 0.4 * rnd.nextDouble(), fps);
            addHold(depth, 1, 0.1 + 0.2 * rnd.nextDouble(), fps);
            addMove(depth, 1, 0, 0.8 + 0.4 * rnd.nextDouble(), fps);
            addHold(depth, 0, 0.3 + 0.3 * rnd.nextDouble(), fps);
        }
        addHold(depth, 0, 1.0, fps);
        double occlusionEnd = -1;
        int[] group = GROUPS[0];
        double[] wander = new double[33];
        List<PoseSample> out = new ArrayList<>();
        for (int i = 0; i < depth.size(); i++) {
            double t = i / fps;
            if (t > occlusionEnd && rnd.nextDouble() < 0.3 / fps) {
                occlusionEnd = t + 0.2 + 0.4 * rnd.nextDouble();
                group = GROUPS[rnd.nextInt(GROUPS.length)];
                for (int j = 0; j < 33; j++) {
                    wander[j] = (rnd.nextDouble() - 0.5) * 40;
                }
            }
            if (rnd.nextDouble() < 0.05) {
                continue;
            }
            double d = depth.get(i)[0];
            double[][] rows = new double[33][4];
            for (int j = 0; j < 33; j++) {
                boolean hidden = t <= occlusionEnd && contains(group, j);
                double jitter = hidden ? 9 : 1.5;
                double x = up[j][0] + (down[j][0] - up[j][0]) * d + jitter * rnd.nextGaussian()
                        + (hidden ? wander[j] : 0);
                double y = up[j][1] + (down[j][1] - up[j][1]) * d + jitter * rnd.nextGaussian();
                rows[j][0] = x / W;
                rows[j][1] = y / H;
                rows[j][2] = 0;
                rows[j][3] = hidden ? 0.05 + 0.25 * rnd.nextDouble() : 0.9 + 0.09 * rnd.nextDouble();
            }
            out.add(new PoseSample(1_700_000_000_000L + Math.round(t * 1000), i, rows, null));
        }
        return out;
    }

    private static boolean contains(int[] group, int j) {
        for (int g : group) {
            if (g == j) {
                return true;
            }
        }
        return false;
    }

    private static void addHold(List<double[]> depth, double level, double seconds, double fps) {
        int n = (int) Math.round(seconds * fps);
        for (int i = 0; i < n; i++) {
            depth.add(new double[] {level});
        }
    }

    private static void addMove(List<double[]> depth, double from, double to, double seconds,
                                double fps) {
        int n = (int) Math.round(seconds * fps);
        for (int i = 0; i < n; i++) {
            double q = (1 - Math.cos(Math.PI * i / n)) / 2;
            depth.add(new double[] {from + (to - from) * q});
        }
    }
}
