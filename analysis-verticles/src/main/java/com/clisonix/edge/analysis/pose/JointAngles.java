package com.clisonix.edge.analysis.pose;

/**
 * Joint geometry in degrees. Every angle here is an interior angle in [0, 180] or an unsigned
 * angle to the vertical, so the numbers do not depend on which side of the body faces the camera
 * (signed 0-360 angles do; pose.md section 3). Inputs are pixel coordinates (z = 0) or world
 * metres; never normalised image coordinates, which distort angles on non-square frames.
 *
 * <p>Both image and world coordinates have +y pointing down, so "up" is (0, -1, 0) in both.
 * Degenerate input (a zero-length segment, non-finite values) yields {@code NaN}, never an
 * exception: callers treat {@code NaN} as "not measurable in this frame".
 */
public final class JointAngles {

    private static final double EPS = 1e-9;

    private JointAngles() {
    }

    /** Interior angle at vertex b of the path a-b-c, in degrees. */
    public static double angle(double ax, double ay, double az, double bx, double by, double bz,
                               double cx, double cy, double cz) {
        double ux = ax - bx;
        double uy = ay - by;
        double uz = az - bz;
        double vx = cx - bx;
        double vy = cy - by;
        double vz = cz - bz;
        double nu = Math.sqrt(ux * ux + uy * uy + uz * uz);
        double nv = Math.sqrt(vx * vx + vy * vy + vz * vz);
        if (!(nu > EPS) || !(nv > EPS)) {
            return Double.NaN;
        }
        double c = (ux * vx + uy * vy + uz * vz) / (nu * nv);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /** Interior angle at b in the image plane. */
    public static double angle2d(double ax, double ay, double bx, double by, double cx, double cy) {
        return angle(ax, ay, 0, bx, by, 0, cx, cy, 0);
    }

    /** Interior angle at landmark b from a skeleton's pixel coordinates. */
    public static double at(Skeleton s, PoseLandmark a, PoseLandmark b, PoseLandmark c) {
        int i = a.index();
        int j = b.index();
        int k = c.index();
        return angle2d(s.x(i), s.y(i), s.x(j), s.y(j), s.x(k), s.y(k));
    }

    /** Interior angle at landmark b from a skeleton's world landmarks; NaN without them. */
    public static double atWorld(Skeleton s, PoseLandmark a, PoseLandmark b, PoseLandmark c) {
        if (!s.hasWorld()) {
            return Double.NaN;
        }
        int i = a.index();
        int j = b.index();
        int k = c.index();
        return angle(s.world(i, 0), s.world(i, 1), s.world(i, 2), s.world(j, 0), s.world(j, 1),
                s.world(j, 2), s.world(k, 0), s.world(k, 1), s.world(k, 2));
    }

    /**
     * Angle between the segment from→to and the upward vertical, in [0, 180]: 0 when {@code to}
     * is straight above {@code from}, 90 when level with it.
     */
    public static double fromVertical(double dx, double dy, double dz) {
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (!(n > EPS)) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, -dy / n))));
    }

    /**
     * Perpendicular distance of point p from the line a-b, divided by the length of a-b, signed
     * positive when p lies below the line (towards +y) and negative above it. This separates a
     * sagging body line (hips below the shoulder-ankle line) from a piked one, which the interior
     * angle alone cannot (pose.md section 5, push-up row).
     */
    public static double signedOffset(double ax, double ay, double az, double bx, double by,
                                      double bz, double px, double py, double pz) {
        double lx = bx - ax;
        double ly = by - ay;
        double lz = bz - az;
        double len2 = lx * lx + ly * ly + lz * lz;
        if (!(len2 > EPS)) {
            return Double.NaN;
        }
        double t = ((px - ax) * lx + (py - ay) * ly + (pz - az) * lz) / len2;
        double ox = px - (ax + t * lx);
        double oy = py - (ay + t * ly);
        double oz = pz - (az + t * lz);
        double dist = Math.sqrt(ox * ox + oy * oy + oz * oz) / Math.sqrt(len2);
        return oy >= 0 ? dist : -dist;
    }
}
