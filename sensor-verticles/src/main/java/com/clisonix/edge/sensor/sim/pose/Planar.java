package com.clisonix.edge.sensor.sim.pose;

/**
 * Small plane-geometry helpers on {@code double[2]} points, used to pose a limb chain in one plane
 * (the sagittal plane for side-view exercises, the frontal plane for pull-ups).
 */
final class Planar {

    private Planar() {
    }

    static double[] p(double a, double b) {
        return new double[] {a, b};
    }

    static double[] add(double[] a, double[] dir, double len) {
        return new double[] {a[0] + dir[0] * len, a[1] + dir[1] * len};
    }

    /** Unit vector at {@code deg} from the upward vertical, tilted towards the first axis. */
    static double[] fromVertical(double deg) {
        double r = Math.toRadians(deg);
        return new double[] {Math.sin(r), Math.cos(r)};
    }

    /** Rotates {@code v} counter-clockwise (first axis towards second) by {@code deg}. */
    static double[] rotate(double[] v, double deg) {
        double r = Math.toRadians(deg);
        double c = Math.cos(r);
        double s = Math.sin(r);
        return new double[] {v[0] * c - v[1] * s, v[0] * s + v[1] * c};
    }

    static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Distance between the ends of a two-segment chain whose inner angle is {@code deg}. */
    static double span(double a, double b, double deg) {
        double c = Math.cos(Math.toRadians(deg));
        return Math.sqrt(Math.max(0, a * a + b * b - 2 * a * b * c));
    }

    /** Inner angle of a two-segment chain (lengths a, b) whose ends are {@code d} apart. */
    static double innerAngle(double a, double b, double d) {
        double c = (a * a + b * b - d * d) / (2 * a * b);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /**
     * The middle joint of a chain from {@code root} (segment {@code a}) to {@code end}
     * (segment {@code b}); of the two solutions the one further along {@code prefer}. An end out of
     * reach straightens the chain towards it.
     */
    static double[] middleJoint(double[] root, double[] end, double a, double b, double[] prefer) {
        double dx = end[0] - root[0];
        double dy = end[1] - root[1];
        double d = Math.hypot(dx, dy);
        if (d < 1e-9) {
            return add(root, prefer, a);
        }
        double ex = dx / d;
        double ey = dy / d;
        double dd = Math.min(d, a + b - 1e-9);
        double x = (a * a - b * b + dd * dd) / (2 * dd);
        double h = Math.sqrt(Math.max(0, a * a - x * x));
        double bx = root[0] + ex * x;
        double by = root[1] + ey * x;
        double[] s1 = {bx - ey * h, by + ex * h};
        double[] s2 = {bx + ey * h, by - ex * h};
        double k1 = s1[0] * prefer[0] + s1[1] * prefer[1];
        double k2 = s2[0] * prefer[0] + s2[1] * prefer[1];
        return k1 >= k2 ? s1 : s2;
    }

    /** Intersection of two circles; of the two points the one further along {@code prefer}. */
    static double[] circles(double[] c1, double r1, double[] c2, double r2, double[] prefer) {
        return middleJoint(c1, c2, r1, r2, prefer);
    }
}
