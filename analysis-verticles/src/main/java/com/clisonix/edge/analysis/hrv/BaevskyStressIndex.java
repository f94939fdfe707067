package com.clisonix.edge.analysis.hrv;

import java.util.Optional;

/**
 * Baevsky's stress index (SI), a histogram measure of how regular the heart rhythm is; a narrow,
 * tall histogram (high SI) goes with sympathetic dominance. Formula from the training-science
 * reference §7:
 * <pre>
 *   SI = AMo / (2 * Mo * MxDMn)
 *   AMo   = percentage of intervals in the modal bin
 *   Mo    = the mode, seconds
 *   MxDMn = max NN - min NN, seconds
 * </pre>
 * The result depends on how the histogram is built, so both choices are fixed here:
 * <ul>
 *   <li>Bins are 50 ms wide (default) and aligned at 0 ms: bin k holds [50k, 50k + 50). Aligning
 *       at the minimum instead gives different numbers for the same data.</li>
 *   <li>Mo is the centre of the modal bin (not its start, and not the raw most frequent value).
 *       When several bins share the highest count, the one with the shortest intervals is taken,
 *       so the result is deterministic; of the tied candidates it yields the largest SI.</li>
 * </ul>
 * Published reference ranges (roughly 50-150 at rest, quoted by {@code HRVBand/hrv-lib}) only apply
 * to resting recordings of a few minutes. Empty result for fewer than 2 intervals or when all
 * intervals are equal (MxDMn = 0). Thread-safe.
 */
public final class BaevskyStressIndex {

    public static final int DEFAULT_BIN_MS = 50;

    private final int binMs;

    public BaevskyStressIndex() {
        this(DEFAULT_BIN_MS);
    }

    public BaevskyStressIndex(int binMs) {
        if (binMs < 1) {
            throw new IllegalArgumentException("bin width must be at least 1 ms: " + binMs);
        }
        this.binMs = binMs;
    }

    /** SI of a series of NN intervals in ms (artefacts already removed). */
    public Optional<BaevskyResult> compute(double[] nnMs) {
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double rr : nnMs) {
            if (rr > 0 && !Double.isInfinite(rr)) {
                n++;
                min = Math.min(min, rr);
                max = Math.max(max, rr);
            }
        }
        if (n < 2 || !(max > min)) {
            return Optional.empty();
        }
        int[] counts = new int[(int) (max / binMs) + 1];
        for (double rr : nnMs) {
            if (rr > 0 && !Double.isInfinite(rr)) {
                counts[(int) (rr / binMs)]++;
            }
        }
        int modal = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[modal]) {
                modal = k;
            }
        }
        double amo = 100.0 * counts[modal] / n;
        double mo = (modal * binMs + binMs / 2.0) / 1000.0;
        double range = (max - min) / 1000.0;
        double si = amo / (2.0 * mo * range);
        return Optional.of(new BaevskyResult(si, mo, amo, range, modal * binMs, binMs, n));
    }

    /** SI of the normal intervals of a filtered series. */
    public Optional<BaevskyResult> compute(RrFilterResult filtered) {
        return compute(filtered.normalIntervalsMs());
    }
}
