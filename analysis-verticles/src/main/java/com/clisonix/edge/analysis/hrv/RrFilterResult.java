package com.clisonix.edge.analysis.hrv;

import java.util.Arrays;

/**
 * An RR series with each interval marked normal (an NN interval) or artefact.
 *
 * <p>Artefacts are marked rather than deleted so that successive differences are only taken
 * between intervals that really followed each other; deleting a beat and joining its neighbours
 * would invent a difference that never occurred.
 */
public final class RrFilterResult {

    private final double[] intervalsMs;
    private final boolean[] normal;
    private final int artefactCount;

    /**
     * @param intervalsMs all intervals in recording order
     * @param normal      {@code true} where the interval is a normal-to-normal interval
     */
    public RrFilterResult(double[] intervalsMs, boolean[] normal) {
        if (intervalsMs.length != normal.length) {
            throw new IllegalArgumentException("intervals and flags differ in length");
        }
        this.intervalsMs = intervalsMs.clone();
        this.normal = normal.clone();
        int artefacts = 0;
        for (boolean n : normal) {
            if (!n) {
                artefacts++;
            }
        }
        this.artefactCount = artefacts;
    }

    /** Number of intervals, normal or not. */
    public int size() {
        return intervalsMs.length;
    }

    public double intervalMs(int index) {
        return intervalsMs[index];
    }

    public boolean isNormal(int index) {
        return normal[index];
    }

    /** All intervals (a copy). */
    public double[] intervalsMs() {
        return intervalsMs.clone();
    }

    /** The normal flags (a copy). */
    public boolean[] normalFlags() {
        return normal.clone();
    }

    /** The normal intervals only, in order. */
    public double[] normalIntervalsMs() {
        double[] nn = new double[intervalsMs.length - artefactCount];
        int j = 0;
        for (int i = 0; i < intervalsMs.length; i++) {
            if (normal[i]) {
                nn[j++] = intervalsMs[i];
            }
        }
        return nn;
    }

    public int artefactCount() {
        return artefactCount;
    }

    /** Share of intervals marked as artefacts, 0..1 (0 for an empty series). */
    public double artefactFraction() {
        return intervalsMs.length == 0 ? 0.0 : artefactCount / (double) intervalsMs.length;
    }

    /** The half-open index range [from, to) as its own result, e.g. one phase of a recording. */
    public RrFilterResult slice(int from, int to) {
        return new RrFilterResult(Arrays.copyOfRange(intervalsMs, from, to), Arrays.copyOfRange(normal, from, to));
    }
}
