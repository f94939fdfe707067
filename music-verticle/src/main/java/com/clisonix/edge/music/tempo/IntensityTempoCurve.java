package com.clisonix.edge.music.tempo;

/**
 * Maps class intensity (%HRR) to a preferred music tempo.
 *
 * <p>Grounding (training-science.md §8): Karageorghis et al. 2011 (cycling at 40-90 % of heart
 * rate reserve) found slow music (95-100 bpm) never preferred and a preference for the fast band
 * (135-140 bpm) that grew with intensity, with non-linear trends rather than a straight
 * heart-rate-equals-tempo line. Karageorghis &amp; Jones 2014 found a quadratic relation that
 * levels off, with preferred tempi of 125-140 bpm on a cycle ergometer and 123-131 bpm on a
 * treadmill. The curve therefore rises through the preferred band over the tested intensity
 * range and is flat outside it; it never goes below the medium band while people work.
 *
 * <p>Anchors (piecewise linear between them, flat beyond the ends):
 * <pre>
 *  %HRR             30    40    60    75    90
 *  cycling/general 115   118   126   133   140
 *  running         115   118   123   127   131
 * </pre>
 * 30 %HRR is below the lowest intensity the studies tested; 115-118 bpm there sits in their
 * "medium" band. 60 %HRR starts the cycling preference window (125 bpm) and 90 % ends it at
 * 140 bpm; the running curve spans the treadmill window 123-131 bpm over the same intensities.
 */
public final class IntensityTempoCurve {

    /** Which preference window applies. */
    public enum Modality {
        /** Cycling and general floor work: 125-140 bpm window. */
        CYCLING,
        /** Treadmill and running: 123-131 bpm window. */
        RUNNING
    }

    private static final double[] PCT_HRR = {30, 40, 60, 75, 90};
    private static final double[] CYCLING_BPM = {115, 118, 126, 133, 140};
    private static final double[] RUNNING_BPM = {115, 118, 123, 127, 131};

    private IntensityTempoCurve() {
    }

    /**
     * Preferred tempo for the given intensity.
     *
     * @param pctHrr heart-rate reserve in percent; non-finite values are treated as the
     *               lowest intensity
     */
    public static double bpmFor(double pctHrr, Modality modality) {
        double[] bpm = modality == Modality.RUNNING ? RUNNING_BPM : CYCLING_BPM;
        if (!Double.isFinite(pctHrr) || pctHrr <= PCT_HRR[0]) {
            return bpm[0];
        }
        int last = PCT_HRR.length - 1;
        if (pctHrr >= PCT_HRR[last]) {
            return bpm[last];
        }
        int i = 1;
        while (pctHrr > PCT_HRR[i]) {
            i++;
        }
        double fraction = (pctHrr - PCT_HRR[i - 1]) / (PCT_HRR[i] - PCT_HRR[i - 1]);
        return bpm[i - 1] + fraction * (bpm[i] - bpm[i - 1]);
    }

    /** The lowest tempo the curve ever returns, used when the floor reports no intensity yet. */
    public static double floorBpm() {
        return CYCLING_BPM[0];
    }
}
