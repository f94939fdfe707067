package com.clisonix.edge.analysis.hrv;

import java.util.Objects;
import java.util.Optional;

/**
 * Time-domain HRV metrics, defined as in the Task Force report (Circulation 1996;93:1043-1065)
 * and implemented the way the common open-source libraries do (training-science reference §7):
 * <pre>
 *   RMSSD = sqrt(mean(dNN^2))             dNN = successive differences of adjacent NN intervals
 *   SDNN  = sample SD of NN  (n - 1)       SDSD = sample SD of dNN (n - 1)
 *   NN50  = count(|dNN| &gt; 50 ms)          pNN50 = 100 * NN50 / denominator
 *   mean HR = mean(60000 / NN)
 * </pre>
 * Decisions: SDNN and SDSD use the sample standard deviation (n - 1), as both reference libraries
 * do. pNN50's denominator is configurable ({@link Pnn50Denominator}), by default the number of
 * differences. When a series carries artefact flags, only differences between two normal
 * intervals that were adjacent in the recording are used; SDNN and mean values use all normal
 * intervals. At least 3 normal intervals and 2 differences are needed; otherwise the result is
 * empty. Thread-safe.
 */
public final class HrvCalculator {

    /** Smallest number of NN intervals for a result. */
    public static final int MIN_NN = 3;
    /** Smallest number of successive differences for a result. */
    public static final int MIN_DIFFERENCES = 2;

    private final Pnn50Denominator denominator;

    /** A calculator dividing pNN50 by the number of differences. */
    public HrvCalculator() {
        this(Pnn50Denominator.DIFFERENCES);
    }

    public HrvCalculator(Pnn50Denominator denominator) {
        this.denominator = Objects.requireNonNull(denominator, "denominator");
    }

    /** Metrics of a series in which every interval is normal and consecutive. */
    public Optional<HrvMetrics> compute(double[] nnMs) {
        return compute(nnMs, null, nnMs.length);
    }

    /** Metrics of a filtered series (artefacts excluded). */
    public Optional<HrvMetrics> compute(RrFilterResult filtered) {
        return compute(filtered.intervalsMs(), filtered.normalFlags(), filtered.size());
    }

    /**
     * Metrics of the first {@code count} intervals.
     *
     * @param rrMs   intervals in recording order
     * @param normal flags for the same indices, or {@code null} when all are normal
     * @param count  how many leading entries to use
     */
    public Optional<HrvMetrics> compute(double[] rrMs, boolean[] normal, int count) {
        int nn = 0;
        double sumRr = 0;
        double sumHr = 0;
        int diffs = 0;
        double sumDiff = 0;
        double sumDiffSquared = 0;
        int nn50 = 0;
        for (int i = 0; i < count; i++) {
            if (normal != null && !normal[i]) {
                continue;
            }
            double rr = rrMs[i];
            if (!(rr > 0) || Double.isInfinite(rr)) {
                continue;
            }
            nn++;
            sumRr += rr;
            sumHr += 60_000.0 / rr;
            if (i > 0 && (normal == null || normal[i - 1]) && rrMs[i - 1] > 0) {
                double d = rr - rrMs[i - 1];
                diffs++;
                sumDiff += d;
                sumDiffSquared += d * d;
                if (Math.abs(d) > 50.0) {
                    nn50++;
                }
            }
        }
        if (nn < MIN_NN || diffs < MIN_DIFFERENCES) {
            return Optional.empty();
        }
        double meanRr = sumRr / nn;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            if ((normal == null || normal[i]) && rrMs[i] > 0 && !Double.isInfinite(rrMs[i])) {
                double dev = rrMs[i] - meanRr;
                squares += dev * dev;
            }
        }
        double sdnn = Math.sqrt(squares / (nn - 1));
        double rmssd = Math.sqrt(sumDiffSquared / diffs);
        double meanDiff = sumDiff / diffs;
        double sdsd = Math.sqrt(Math.max(0.0, (sumDiffSquared - diffs * meanDiff * meanDiff) / (diffs - 1)));
        int base = denominator == Pnn50Denominator.DIFFERENCES ? diffs : nn;
        double pnn50 = 100.0 * nn50 / base;
        return Optional.of(new HrvMetrics(nn, diffs, meanRr, sumHr / nn, sdnn, rmssd, sdsd, nn50, pnn50, denominator));
    }
}
