package com.clisonix.edge.analysis.pose;

import java.util.Optional;

/**
 * One person's pose in one frame: the 33 BlazePose landmarks with x and y in <b>pixels</b>, the
 * image z (on the x scale, relative to the hip midpoint, unreliable) and the visibility, plus the
 * optional world landmarks in metres (origin between the hips, +y down).
 *
 * <p>Cameras send x and y normalised by the frame width and height. Angles measured on those
 * numbers are distorted on any non-square frame (pose.md section 3), so the factory converts them
 * to pixels once, here, and nothing downstream ever sees normalised coordinates.
 *
 * <p>Immutable. A non-finite coordinate makes that landmark invisible (visibility 0) rather than
 * failing the frame: one bad point should cost one joint, not the whole frame.
 */
public final class Skeleton {

    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double[] visibility;
    private final double[] world;
    private final int width;
    private final int height;

    private Skeleton(double[] x, double[] y, double[] z, double[] visibility, double[] world,
                     int width, int height) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.visibility = visibility;
        this.world = world;
        this.width = width;
        this.height = height;
    }

    /**
     * Builds a skeleton from a camera's normalised rows.
     *
     * @param rows   33 rows {@code [x, y, z, visibility]} (a row of 3 means visibility 1)
     * @param width  frame width in pixels, &gt; 0
     * @param height frame height in pixels, &gt; 0
     * @param world  33 rows {@code [x, y, z]} in metres, or {@code null}
     * @throws IllegalArgumentException when the arrays do not have the BlazePose shape or the frame
     *                                  size is not positive; use {@link #tryFromNormalised} on
     *                                  untrusted input
     */
    public static Skeleton fromNormalised(double[][] rows, int width, int height, double[][] world) {
        return tryFromNormalised(rows, width, height, world).orElseThrow(
                () -> new IllegalArgumentException("expected 33 landmark rows of 3 or 4 values, "
                        + "optional 33 world rows of 3, and a positive frame size"));
    }

    /** As {@link #fromNormalised}, but returns empty instead of throwing on a malformed frame. */
    public static Optional<Skeleton> tryFromNormalised(double[][] rows, int width, int height,
                                                       double[][] world) {
        if (rows == null || rows.length != PoseLandmark.COUNT || width <= 0 || height <= 0) {
            return Optional.empty();
        }
        if (world != null && world.length != PoseLandmark.COUNT) {
            return Optional.empty();
        }
        double[] px = new double[33];
        double[] py = new double[33];
        double[] pz = new double[33];
        double[] vis = new double[33];
        for (int i = 0; i < 33; i++) {
            double[] r = rows[i];
            if (r == null || r.length < 3) {
                return Optional.empty();
            }
            px[i] = r[0] * width;
            py[i] = r[1] * height;
            pz[i] = r[2] * width;
            vis[i] = r.length >= 4 ? r[3] : 1.0;
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i]) || !Double.isFinite(vis[i])) {
                px[i] = 0;
                py[i] = 0;
                vis[i] = 0;
            }
            if (!Double.isFinite(pz[i])) {
                pz[i] = 0;
            }
            vis[i] = Math.max(0, Math.min(1, vis[i]));
        }
        double[] w = null;
        if (world != null) {
            w = new double[99];
            for (int i = 0; i < 33; i++) {
                double[] r = world[i];
                if (r == null || r.length < 3) {
                    return Optional.empty();
                }
                for (int k = 0; k < 3; k++) {
                    w[i * 3 + k] = r[k];
                    if (!Double.isFinite(r[k])) {
                        vis[i] = 0;
                        w[i * 3 + k] = 0;
                    }
                }
            }
        }
        return Optional.of(new Skeleton(px, py, pz, vis, w, width, height));
    }

    /**
     * Builds a skeleton from pixel coordinates of an image whose size is unknown (for example ML
     * Kit's training samples): every landmark gets the given visibility and no in-frame check
     * is possible.
     *
     * @param xyz 33 rows {@code [x, y, z]} in pixels
     */
    public static Skeleton fromPixels(double[][] xyz, double visibility) {
        if (xyz == null || xyz.length != PoseLandmark.COUNT) {
            throw new IllegalArgumentException("expected 33 rows");
        }
        double[] px = new double[33];
        double[] py = new double[33];
        double[] pz = new double[33];
        double[] vis = new double[33];
        for (int i = 0; i < 33; i++) {
            if (xyz[i] == null || xyz[i].length < 3) {
                throw new IllegalArgumentException("row " + i + " needs x, y, z");
            }
            px[i] = xyz[i][0];
            py[i] = xyz[i][1];
            pz[i] = xyz[i][2];
            boolean ok = Double.isFinite(px[i]) && Double.isFinite(py[i]);
            vis[i] = ok ? visibility : 0;
        }
        return new Skeleton(px, py, pz, vis, null, 0, 0);
    }

    public double x(int landmark) {
        return x[landmark];
    }

    public double y(int landmark) {
        return y[landmark];
    }

    public double z(int landmark) {
        return z[landmark];
    }

    public double visibility(int landmark) {
        return visibility[landmark];
    }

    public boolean hasWorld() {
        return world != null;
    }

    /** World coordinate {@code axis} (0 x, 1 y, 2 z) in metres; only when {@link #hasWorld()}. */
    public double world(int landmark, int axis) {
        return world[landmark * 3 + axis];
    }

    /** Frame width in pixels, 0 when unknown. */
    public int width() {
        return width;
    }

    /** Frame height in pixels, 0 when unknown. */
    public int height() {
        return height;
    }
}
