package com.clisonix.edge.analysis.pose;

/**
 * The One Euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass filter whose cut-off
 * rises with the signal's speed, so a still joint is smoothed hard while a moving one follows
 * with little lag.
 *
 * <p>Behaviour follows the BlazePose landmark smoother of {@code @tensorflow-models/pose-detection}
 * 2.1.3 (pose.md section 6): the sampling frequency is re-estimated from each timestamp delta;
 * the derivative is multiplied by a {@code valueScale} (1 / object size for image landmarks) so
 * that {@code beta} does not depend on the person's size in pixels; a sample whose timestamp
 * does not advance returns the last output unchanged (the reference returns the raw value; for
 * a duplicate frame the last output is the steadier choice).
 *
 * <p>Constants used by the analysers, from that package's {@code blazepose_tfjs/constants.js}:
 * {@link #LANDMARK_MIN_CUTOFF} 0.05 Hz, {@link #LANDMARK_BETA} 80, {@link #DERIVATE_CUTOFF} 1 Hz
 * for image landmarks (derivative in object sizes per second); {@link #WORLD_MIN_CUTOFF} 0.1 Hz,
 * {@link #WORLD_BETA} 40 for world landmarks in metres without value scaling.
 *
 * <p>Not thread-safe; one instance per coordinate of one landmark of one athlete.
 */
public final class OneEuroFilter {

    /** Image landmarks: minimum cut-off frequency, Hz (tfjs BlazePose constants). */
    public static final double LANDMARK_MIN_CUTOFF = 0.05;
    /** Image landmarks: speed coefficient, per (object size per second). */
    public static final double LANDMARK_BETA = 80;
    /** Cut-off of the derivative's own low-pass, Hz. */
    public static final double DERIVATE_CUTOFF = 1.0;
    /** World landmarks: minimum cut-off frequency, Hz. */
    public static final double WORLD_MIN_CUTOFF = 0.1;
    /** World landmarks: speed coefficient, per (metre per second). */
    public static final double WORLD_BETA = 40;
    /** Frequency assumed before two timestamps are known, Hz (tfjs default). */
    public static final double DEFAULT_FREQUENCY = 30;

    private final double minCutOff;
    private final double beta;
    private final double dCutOff;

    private double frequency = DEFAULT_FREQUENCY;
    private double lastT = Double.NaN;
    private double lastRaw = Double.NaN;
    private double lastOut = Double.NaN;
    private double lastDeriv;

    public OneEuroFilter(double minCutOff, double beta, double derivateCutOff) {
        if (!(minCutOff > 0) || !(beta >= 0) || !(derivateCutOff > 0)) {
            throw new IllegalArgumentException("cut-offs must be positive and beta >= 0");
        }
        this.minCutOff = minCutOff;
        this.beta = beta;
        this.dCutOff = derivateCutOff;
    }

    /**
     * Filters one sample.
     *
     * @param value      the raw value
     * @param tSeconds   the sample time in seconds (strictly increasing across calls)
     * @param valueScale multiplier applied to the derivative before it drives the cut-off
     * @return the filtered value
     */
    public double filter(double value, double tSeconds, double valueScale) {
        if (Double.isNaN(lastOut)) {
            lastT = tSeconds;
            lastRaw = value;
            lastOut = value;
            lastDeriv = 0;
            return value;
        }
        if (!(tSeconds > lastT)) {
            return lastOut;
        }
        frequency = 1.0 / (tSeconds - lastT);
        lastT = tSeconds;
        double deriv = (value - lastRaw) * valueScale * frequency;
        lastDeriv += alpha(dCutOff) * (deriv - lastDeriv);
        double cutOff = minCutOff + beta * Math.abs(lastDeriv);
        lastOut += alpha(cutOff) * (value - lastOut);
        lastRaw = value;
        return lastOut;
    }

    /** Forgets all state; the next sample passes through unchanged. */
    public void reset() {
        frequency = DEFAULT_FREQUENCY;
        lastT = Double.NaN;
        lastRaw = Double.NaN;
        lastOut = Double.NaN;
        lastDeriv = 0;
    }

    /** Whether the filter has seen a sample since construction or the last reset. */
    public boolean primed() {
        return !Double.isNaN(lastOut);
    }

    private double alpha(double cutOff) {
        double te = 1.0 / frequency;
        double tau = 1.0 / (2 * Math.PI * cutOff);
        return 1.0 / (1.0 + tau / te);
    }
}
