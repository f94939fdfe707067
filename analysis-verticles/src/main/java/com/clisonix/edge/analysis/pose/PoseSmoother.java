package com.clisonix.edge.analysis.pose;

/**
 * Per-athlete landmark smoothing with One Euro filters (pose.md section 6): one filter per
 * coordinate of each of the 33 landmarks. Cameras using MediaPipe's Tasks API no longer smooth
 * landmarks themselves, so the gateway does.
 *
 * <p>Only usable (gated) points feed their filters; a point that is hidden keeps its filter
 * state, and a point hidden for longer than {@link #STALE_SECONDS} starts afresh when it
 * reappears, so it is not dragged from where it was seen long ago. Image landmarks use the
 * BlazePose image constants with the derivative scaled by 1 / object size (the mean of the
 * visible points' bounding-box width and height, as the tfjs smoother does); world landmarks use
 * the world constants without scaling.
 */
final class PoseSmoother {

    /** A landmark unseen for longer than this restarts its filters. */
    static final double STALE_SECONDS = 0.5;

    private final OneEuroFilter[] filters = new OneEuroFilter[PoseLandmark.COUNT * 3];
    private final double[] lastSeen = new double[PoseLandmark.COUNT];
    private boolean worldMode;
    private boolean initialised;

    /** Gates and smooths one frame into {@code out}; non-usable points are left unfiltered. */
    void apply(double t, Skeleton s, boolean useWorld, PosePoints out) {
        out.load(s, useWorld, PosePoints.VISIBILITY_GATE);
        if (!initialised || worldMode != out.world) {
            create(out.world);
        }
        double valueScale = 1.0;
        if (!out.world) {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            int n = 0;
            for (int i = 0; i < PoseLandmark.COUNT; i++) {
                if (out.usable[i]) {
                    minX = Math.min(minX, out.x[i]);
                    maxX = Math.max(maxX, out.x[i]);
                    minY = Math.min(minY, out.y[i]);
                    maxY = Math.max(maxY, out.y[i]);
                    n++;
                }
            }
            double size = n >= 2 ? ((maxX - minX) + (maxY - minY)) / 2 : 0;
            valueScale = size > 1 ? 1.0 / size : 1.0;
        }
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            if (!out.usable[i]) {
                continue;
            }
            if (t - lastSeen[i] > STALE_SECONDS) {
                filters[i * 3].reset();
                filters[i * 3 + 1].reset();
                filters[i * 3 + 2].reset();
            }
            lastSeen[i] = t;
            out.x[i] = filters[i * 3].filter(out.x[i], t, valueScale);
            out.y[i] = filters[i * 3 + 1].filter(out.y[i], t, valueScale);
            if (out.world) {
                out.z[i] = filters[i * 3 + 2].filter(out.z[i], t, valueScale);
            }
        }
    }

    /** Forgets every landmark's history (after a long gap in the stream). */
    void reset() {
        initialised = false;
    }

    private void create(boolean world) {
        worldMode = world;
        initialised = true;
        for (int i = 0; i < filters.length; i++) {
            filters[i] = world
                    ? new OneEuroFilter(OneEuroFilter.WORLD_MIN_CUTOFF, OneEuroFilter.WORLD_BETA,
                    OneEuroFilter.DERIVATE_CUTOFF)
                    : new OneEuroFilter(OneEuroFilter.LANDMARK_MIN_CUTOFF,
                    OneEuroFilter.LANDMARK_BETA, OneEuroFilter.DERIVATE_CUTOFF);
        }
        java.util.Arrays.fill(lastSeen, Double.NEGATIVE_INFINITY);
    }
}
