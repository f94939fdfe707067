package com.clisonix.edge.sensor.sim.pose;

/**
 * The 33 BlazePose points of the articulated body model in body coordinates (metres):
 * {@code f} forward, {@code l} towards the athlete's left, {@code u} up, with the floor at
 * {@code u = 0}. Key joints are set by the kinematics; the face, hand and foot points are derived
 * from them here so that all 33 rows stay consistent with one rigid body.
 */
final class BodyFrame {

    static final int NOSE = 0;
    static final int LEFT_SHOULDER = 11;
    static final int LEFT_ELBOW = 13;
    static final int LEFT_WRIST = 15;
    static final int LEFT_HIP = 23;
    static final int LEFT_KNEE = 25;
    static final int LEFT_ANKLE = 27;

    /** Offset from a left-side index to the matching right-side index. */
    static final int RIGHT = 1;

    final double[][] p = new double[33][3];

    void set(int idx, double f, double l, double u) {
        p[idx][0] = f;
        p[idx][1] = l;
        p[idx][2] = u;
    }

    /** Places a left/right joint pair at the same sagittal point, {@code halfWidth} to each side. */
    void pair(int leftIdx, double f, double u, double halfWidth) {
        set(leftIdx, f, halfWidth, u);
        set(leftIdx + RIGHT, f, -halfWidth, u);
    }

    /**
     * Derives eyes, ears and mouth from the head centre and the direction the face points.
     *
     * @param c   head centre
     * @param fw  unit vector the face points to
     * @param up  unit vector from chin to crown
     */
    void head(double[] c, double[] fw, double[] up) {
        double[] lt = {0, 1, 0};
        put(NOSE, c, fw, 0.095, up, 0.0, lt, 0.0);
        put(1, c, fw, 0.075, up, 0.035, lt, 0.015);
        put(2, c, fw, 0.07, up, 0.035, lt, 0.032);
        put(3, c, fw, 0.065, up, 0.035, lt, 0.048);
        put(4, c, fw, 0.075, up, 0.035, lt, -0.015);
        put(5, c, fw, 0.07, up, 0.035, lt, -0.032);
        put(6, c, fw, 0.065, up, 0.035, lt, -0.048);
        put(7, c, fw, -0.01, up, 0.02, lt, 0.075);
        put(8, c, fw, -0.01, up, 0.02, lt, -0.075);
        put(9, c, fw, 0.08, up, -0.04, lt, 0.025);
        put(10, c, fw, 0.08, up, -0.04, lt, -0.025);
    }

    /** Derives pinky, index and thumb points of one hand from its wrist and the forearm. */
    void hand(int wristIdx, int elbowIdx) {
        double[] w = p[wristIdx];
        double[] dir = unit(sub(w, p[elbowIdx]));
        boolean left = wristIdx % 2 == 1;
        double side = left ? 1 : -1;
        int off = wristIdx - LEFT_WRIST;
        put(17 + off, w, dir, 0.07, new double[] {0, 1, 0}, side * 0.02, null, 0);
        put(19 + off, w, dir, 0.085, new double[] {0, 1, 0}, 0.0, null, 0);
        put(21 + off, w, dir, 0.045, new double[] {0, 1, 0}, -side * 0.025, null, 0);
    }

    /**
     * Derives heel and toe points of one foot from its ankle.
     *
     * @param pitchDeg 0 = foot flat pointing forward; positive raises the heel (standing on toes)
     */
    void foot(int ankleIdx, double pitchDeg) {
        double[] a = p[ankleIdx];
        int off = ankleIdx - LEFT_ANKLE;
        double r = Math.toRadians(pitchDeg);
        double[] fwd = {Math.cos(r), 0, -Math.sin(r)};
        double[] up = {Math.sin(r), 0, Math.cos(r)};
        put(29 + off, a, fwd, -0.055, up, -0.06, null, 0);
        put(31 + off, a, fwd, 0.16, up, -0.07, null, 0);
    }

    private void put(int idx, double[] base, double[] a, double ka, double[] b, double kb,
                     double[] c, double kc) {
        for (int i = 0; i < 3; i++) {
            p[idx][i] = base[i] + a[i] * ka + b[i] * kb + (c == null ? 0 : c[i] * kc);
        }
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return n < 1e-12 ? new double[] {1, 0, 0} : new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
