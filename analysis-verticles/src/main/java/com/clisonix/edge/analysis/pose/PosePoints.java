package com.clisonix.edge.analysis.pose;

/**
 * Working coordinates of one frame after gating (and, in the analyser, smoothing): pixels with
 * z = 0, or world metres. A landmark is usable when its visibility reaches the gate and, when the
 * frame size is known, it lies inside the frame (with a small margin). Mutable and reused from
 * frame to frame so the per-frame path does not allocate.
 */
final class PosePoints {

    /**
     * Default visibility gate. Published gates range from 0.1 to 0.65 (pose.md section 6); 0.5 is
     * the same cut MediaPipe itself applies to its detection and tracking confidences, and keeps
     * the far limb of a side view (often reported between 0.5 and 0.8) usable as a fallback.
     */
    static final double VISIBILITY_GATE = 0.5;

    /** Points further outside the frame than this fraction of its size are guesses: unusable. */
    static final double FRAME_MARGIN = 0.05;

    final double[] x = new double[PoseLandmark.COUNT];
    final double[] y = new double[PoseLandmark.COUNT];
    final double[] z = new double[PoseLandmark.COUNT];
    final double[] vis = new double[PoseLandmark.COUNT];
    final boolean[] usable = new boolean[PoseLandmark.COUNT];
    boolean world;

    /** Loads a skeleton without smoothing: pixel coordinates, or world ones when asked and present. */
    void load(Skeleton s, boolean useWorld, double gate) {
        world = useWorld && s.hasWorld();
        int w = s.width();
        int h = s.height();
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            vis[i] = s.visibility(i);
            boolean ok = vis[i] >= gate;
            if (ok && w > 0 && h > 0) {
                double px = s.x(i);
                double py = s.y(i);
                ok = px >= -FRAME_MARGIN * w && px <= (1 + FRAME_MARGIN) * w
                        && py >= -FRAME_MARGIN * h && py <= (1 + FRAME_MARGIN) * h;
            }
            usable[i] = ok;
            if (world) {
                x[i] = s.world(i, 0);
                y[i] = s.world(i, 1);
                z[i] = s.world(i, 2);
            } else {
                x[i] = s.x(i);
                y[i] = s.y(i);
                z[i] = 0;
            }
        }
    }

    boolean ok(int a) {
        return usable[a];
    }

    boolean ok(int a, int b, int c) {
        return usable[a] && usable[b] && usable[c];
    }

    double angle(int a, int b, int c) {
        return JointAngles.angle(x[a], y[a], z[a], x[b], y[b], z[b], x[c], y[c], z[c]);
    }

    /** Angle of the segment from→to against the upward vertical. */
    double fromVertical(int from, int to) {
        return JointAngles.fromVertical(x[to] - x[from], y[to] - y[from], z[to] - z[from]);
    }

    /** Signed offset of p from the line a-b (positive below), over the line's length. */
    double offset(int a, int b, int p) {
        return JointAngles.signedOffset(x[a], y[a], z[a], x[b], y[b], z[b], x[p], y[p], z[p]);
    }

    double dist(int a, int b) {
        double dx = x[a] - x[b];
        double dy = y[a] - y[b];
        double dz = z[a] - z[b];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
