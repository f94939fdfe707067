package com.clisonix.edge.sensor.sim.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic pose sequences in the BlazePose 33-landmark layout, for the floor
 * simulator and for testing rep counters and form checks against known ground truth.
 *
 * <p>How a sequence is made:
 * <ol>
 *   <li>A timeline of movement depth: a lead-in second in the start position, then each
 *       repetition as a cosine down-and-up (tempo varied by up to 10 % per repetition, pauses by
 *       up to 20 %), then a lead-out second. A plank is one hold, with any fault ramped in over
 *       the middle 40 % of it.</li>
 *   <li>Per frame, the articulated body model ({@link Kinematics}) is posed at that depth and
 *       projected by an orthographic camera turned to the requested yaw.</li>
 *   <li>The whole sequence is fitted into 80 % of the frame, then made imperfect: Gaussian pixel
 *       jitter, lower visibility for points on the far side of the body, occlusion episodes in
 *       which a limb group's visibility collapses and its points wander, and dropped frames.</li>
 * </ol>
 * The same {@link SequenceSpec} (including its seed) always yields the same frames. Pure Java.
 */
public final class PoseSequenceSynthesizer {

    private static final int[][] LIMB_GROUPS = {
        {13, 15, 17, 19, 21}, {14, 16, 18, 20, 22},
        {25, 27, 29, 31}, {26, 28, 30, 32},
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
    };

    private PoseSequenceSynthesizer() {
    }

    /** Builds the sequence the spec describes. */
    public static PoseSequence generate(SequenceSpec spec) {
        Random rnd = new Random(spec.seed());
        BodyDimensions dims = BodyDimensions.ofStature(1.60 + 0.30 * rnd.nextDouble());
        Kinematics kin = Kinematics.of(spec.exercise(), spec.fault(), dims);
        Timeline tl = spec.exercise() == SimExercise.PLANK
                ? Timeline.hold(spec) : Timeline.reps(spec, rnd);
        CameraView cam = new CameraView(spec.cameraYawDeg(), spec.facingRight());

        int frames = (int) Math.floor(tl.duration() * spec.fps()) + 1;
        double[][][] img = new double[frames][33][3];
        BodyFrame body = new BodyFrame();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < frames; i++) {
            kin.pose(tl.depthAt(i / spec.fps()), body);
            for (int j = 0; j < 33; j++) {
                cam.project(body.p[j], img[i][j]);
                minX = Math.min(minX, img[i][j][0]);
                maxX = Math.max(maxX, img[i][j][0]);
                minY = Math.min(minY, img[i][j][1]);
                maxY = Math.max(maxY, img[i][j][1]);
            }
        }
        double scale = 0.8 * Math.min(spec.width() / Math.max(0.2, maxX - minX),
                spec.height() / Math.max(0.2, maxY - minY));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;

        Occlusions occ = new Occlusions(spec, rnd, tl.duration());
        List<PoseSample> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            boolean dropped = rnd.nextDouble() < spec.dropRate();
            double[][] p = img[i];
            double hx = (p[23][0] + p[24][0]) / 2;
            double hy = (p[23][1] + p[24][1]) / 2;
            double hd = (p[23][2] + p[24][2]) / 2;
            double[][] rows = new double[33][4];
            double[][] world = spec.world() ? new double[33][3] : null;
            double t = i / spec.fps();
            for (int j = 0; j < 33; j++) {
                double depth = p[j][2] - hd;
                double vis = 0.97 - 0.37 * clamp(depth / 0.15, 0, 1) + 0.02 * rnd.nextGaussian();
                double jitter = spec.jitterPx();
                double wander = 0;
                if (occ.hidden(j, t)) {
                    vis = 0.05 + 0.25 * rnd.nextDouble();
                    jitter *= 6;
                    wander = occ.wanderPx(j);
                }
                double px = spec.width() / 2.0 + (p[j][0] - cx) * scale
                        + jitter * rnd.nextGaussian() + wander;
                double py = spec.height() / 2.0 + (p[j][1] - cy) * scale
                        + jitter * rnd.nextGaussian() + wander * 0.5;
                rows[j][0] = px / spec.width();
                rows[j][1] = py / spec.height();
                rows[j][2] = depth * scale / spec.width() + 0.002 * rnd.nextGaussian();
                rows[j][3] = clamp(vis, 0, 1);
                if (world != null) {
                    world[j][0] = p[j][0] - hx + 0.004 * rnd.nextGaussian();
                    world[j][1] = p[j][1] - hy + 0.004 * rnd.nextGaussian();
                    world[j][2] = depth + 0.004 * rnd.nextGaussian();
                }
            }
            if (!dropped) {
                long ts = spec.startMillis() + Math.round(t * 1000);
                out.add(new PoseSample(ts, i, rows, world));
            }
        }
        return new PoseSequence(spec, out, tl.fullReps(), tl.partialReps(), tl.goodHold(),
                tl.faultHold());
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Occlusion episodes: which limb group is hidden when, and how far its points wander. */
    private static final class Occlusions {
        private final List<double[]> episodes = new ArrayList<>();
        private final double[] wander = new double[33];

        Occlusions(SequenceSpec spec, Random rnd, double duration) {
            double rate = spec.occlusionPerSecond();
            double t = 0;
            while (rate > 0) {
                t += -Math.log(1 - rnd.nextDouble()) / rate;
                if (t >= duration) {
                    break;
                }
                double group = rnd.nextInt(LIMB_GROUPS.length);
                episodes.add(new double[] {t, t + 0.2 + 0.6 * rnd.nextDouble(), group});
            }
            for (int j = 0; j < 33; j++) {
                wander[j] = (rnd.nextDouble() - 0.5) * 40;
            }
        }

        boolean hidden(int landmark, double t) {
            for (double[] e : episodes) {
                if (t >= e[0] && t < e[1]) {
                    for (int j : LIMB_GROUPS[(int) e[2]]) {
                        if (j == landmark) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        double wanderPx(int landmark) {
            return wander[landmark];
        }
    }
}
