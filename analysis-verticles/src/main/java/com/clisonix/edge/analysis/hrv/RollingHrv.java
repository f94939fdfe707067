package com.clisonix.edge.analysis.hrv;

import java.util.Objects;
import java.util.Optional;

/**
 * HRV over the most recent stretch of a live RR stream, for the floor's {@code hrv_rmssd}.
 *
 * <p>Intervals arrive one by one (from heart-rate notifications). Each is checked on arrival with
 * {@link RrArtefactFilter}'s rule, using the median of the intervals just before it (the live
 * filter cannot look ahead) and the last normal interval. The window keeps the newest intervals
 * whose durations add up to at most the window length (default 60 s); metrics are computed on
 * request, typically once a second, over the normal intervals in the window and need at least
 * {@code minNormalIntervals} of them (default 20).
 *
 * <p>Adding an interval neither allocates nor sorts more than a handful of values. Non-positive or
 * NaN values are ignored entirely (they carry no time); other implausible values are kept as
 * artefacts so the window still spans real time. Remember that during exercise RMSSD mostly
 * reflects intensity, not stress.
 *
 * <p>Not thread-safe: owned by one session actor.
 */
public final class RollingHrv {

    public static final double DEFAULT_WINDOW_SECONDS = 60.0;
    public static final int DEFAULT_MIN_NORMAL_INTERVALS = 20;

    private final double windowMs;
    private final int minNormal;
    private final RrArtefactFilter filter;
    private final HrvCalculator calculator;

    private final double[] rr;
    private final boolean[] normal;
    private final double[] orderedRr;
    private final boolean[] orderedNormal;
    private final double[] medianScratch;
    private int head;
    private int count;
    private double sumMs;
    private double lastNormal = Double.NaN;
    private long artefactsSeen;

    /** A 60 s window with the default filter and calculator. */
    public RollingHrv() {
        this(DEFAULT_WINDOW_SECONDS, DEFAULT_MIN_NORMAL_INTERVALS, new RrArtefactFilter(), new HrvCalculator());
    }

    /**
     * @param windowSeconds       length of the window
     * @param minNormalIntervals  normal intervals needed before metrics are reported (at least 3)
     * @param filter              the artefact rule
     * @param calculator          the metric definitions
     */
    public RollingHrv(double windowSeconds, int minNormalIntervals, RrArtefactFilter filter, HrvCalculator calculator) {
        if (!(windowSeconds > 0) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("window must be positive: " + windowSeconds);
        }
        if (minNormalIntervals < HrvCalculator.MIN_NN) {
            throw new IllegalArgumentException("need at least " + HrvCalculator.MIN_NN + " intervals");
        }
        this.windowMs = windowSeconds * 1000.0;
        this.minNormal = minNormalIntervals;
        this.filter = Objects.requireNonNull(filter, "filter");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        int capacity = (int) Math.ceil(windowMs / RrArtefactFilter.MIN_RR_MS) + 1;
        this.rr = new double[capacity];
        this.normal = new boolean[capacity];
        this.orderedRr = new double[capacity];
        this.orderedNormal = new boolean[capacity];
        this.medianScratch = new double[filter.neighbours()];
    }

    /**
     * Adds the next interval.
     *
     * @return {@code true} if it was judged normal, {@code false} if it is an artefact or was ignored
     */
    public boolean add(double rrMs) {
        if (!(rrMs > 0) || Double.isInfinite(rrMs)) {
            return false;
        }
        int m = Math.min(count, medianScratch.length);
        for (int k = 0; k < m; k++) {
            medianScratch[k] = rr[index(count - 1 - k)];
        }
        double median = RrArtefactFilter.median(medianScratch, m);
        boolean ok = !filter.isArtefact(rrMs, lastNormal, median);
        if (ok) {
            lastNormal = rrMs;
        } else {
            artefactsSeen++;
        }
        if (count == rr.length) {
            evictOldest();
        }
        int slot = index(count);
        rr[slot] = rrMs;
        normal[slot] = ok;
        count++;
        sumMs += rrMs;
        while (count > 1 && sumMs > windowMs) {
            evictOldest();
        }
        return ok;
    }

    private void evictOldest() {
        sumMs -= rr[head];
        head = (head + 1) % rr.length;
        count--;
    }

    private int index(int offset) {
        return (head + offset) % rr.length;
    }

    /** Metrics over the window, or empty until enough normal intervals are present. */
    public Optional<HrvMetrics> current() {
        int normals = 0;
        for (int k = 0; k < count; k++) {
            int i = index(k);
            orderedRr[k] = rr[i];
            orderedNormal[k] = normal[i];
            if (normal[i]) {
                normals++;
            }
        }
        if (normals < minNormal) {
            return Optional.empty();
        }
        return calculator.compute(orderedRr, orderedNormal, count);
    }

    /** RMSSD over the window in ms, or NaN while there is not enough data. */
    public double rmssdOrNaN() {
        // The floor asks for RMSSD with every metrics update: one pass over the window, without
        // ordering it or computing the other metrics, with the same rules and summation order as
        // HrvCalculator (differences only between adjacent normal intervals), so the value is
        // identical to current().rmssdMs().
        int nn = 0;
        int diffs = 0;
        double sumDiffSquared = 0;
        for (int k = 0; k < count; k++) {
            int i = index(k);
            if (!normal[i]) {
                continue;
            }
            nn++;
            if (k > 0) {
                int p = index(k - 1);
                if (normal[p]) {
                    double d = rr[i] - rr[p];
                    diffs++;
                    sumDiffSquared += d * d;
                }
            }
        }
        if (nn < minNormal || nn < HrvCalculator.MIN_NN || diffs < HrvCalculator.MIN_DIFFERENCES) {
            return Double.NaN;
        }
        return Math.sqrt(sumDiffSquared / diffs);
    }

    /** Intervals currently in the window (normal or not). */
    public int size() {
        return count;
    }

    /** Duration covered by the window, ms. */
    public double spanMs() {
        return sumMs;
    }

    /** Artefacts seen since creation or the last reset. */
    public long artefactsSeen() {
        return artefactsSeen;
    }

    /** Forgets everything, e.g. when a strap reconnects after a long drop-out. */
    public void reset() {
        head = 0;
        count = 0;
        sumMs = 0;
        lastNormal = Double.NaN;
        artefactsSeen = 0;
    }
}
