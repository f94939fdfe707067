package com.clisonix.edge.analysis.hrv;

/**
 * Marks RR intervals that are not normal sinus beats (ectopic beats, missed or extra detections).
 *
 * <p><b>Rule.</b> An interval is an artefact when
 * <ol>
 *   <li>it lies outside 300-2000 ms (above 200 or below 30 bpm), or</li>
 *   <li>it differs by more than 20 % both from the previous normal interval <em>and</em> from the
 *       median of its neighbourhood (the five raw intervals on each side offline; the five before
 *       it live).</li>
 * </ol>
 * The 20 % criterion is Malik's classic relative rule (Malik et al. 1989, as used by the Task
 * Force 1996 tradition). Comparing only with the previous interval can lock onto an artefact (a
 * missed beat at the start makes every following normal beat look wrong), and comparing only with
 * a local median throws away genuine respiratory swings at rest, where consecutive intervals move
 * smoothly by 20 % or more. Requiring both keeps smooth physiological change and still catches the
 * short-long pattern of an ectopic beat and its compensatory pause. This is a simplification of the
 * adaptive thresholds of tools such as Kubios (Lipponen &amp; Tarvainen 2019); the libraries quoted
 * in the training-science reference §7 each apply their own variant, so results differ slightly
 * between tools.
 *
 * <p>Immutable and thread-safe. Never throws for bad values: NaN or non-positive intervals are
 * artefacts.
 */
public final class RrArtefactFilter {

    public static final double DEFAULT_THRESHOLD = 0.20;
    public static final int DEFAULT_NEIGHBOURS = 5;
    public static final double MIN_RR_MS = 300.0;
    public static final double MAX_RR_MS = 2000.0;

    private final double threshold;
    private final int neighbours;

    /** The default rule: 20 %, five neighbours per side. */
    public RrArtefactFilter() {
        this(DEFAULT_THRESHOLD, DEFAULT_NEIGHBOURS);
    }

    /**
     * @param threshold  relative deviation above which an interval is suspicious (0.20 = 20 %)
     * @param neighbours raw intervals taken on each side (offline) or before (live) for the median
     */
    public RrArtefactFilter(double threshold, int neighbours) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1: " + neighbours);
        }
        this.threshold = threshold;
        this.neighbours = neighbours;
    }

    public double threshold() {
        return threshold;
    }

    public int neighbours() {
        return neighbours;
    }

    /** Filters a complete recording, using neighbours on both sides of each interval. */
    public RrFilterResult filter(double[] rrMs) {
        int n = rrMs.length;
        boolean[] normal = new boolean[n];
        double[] scratch = new double[2 * neighbours];
        double previousNormal = Double.NaN;
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = Math.max(0, i - neighbours); j < i; j++) {
                scratch[m++] = rrMs[j];
            }
            for (int j = i + 1; j <= Math.min(n - 1, i + neighbours); j++) {
                scratch[m++] = rrMs[j];
            }
            double median = median(scratch, m);
            boolean ok = !isArtefact(rrMs[i], previousNormal, median);
            normal[i] = ok;
            if (ok) {
                previousNormal = rrMs[i];
            }
        }
        return new RrFilterResult(rrMs, normal);
    }

    /**
     * The rule for one interval.
     *
     * @param rrMs           the interval
     * @param previousNormal the last interval judged normal, or NaN when there is none yet
     * @param localMedian    the median of the neighbourhood, or NaN when there is none
     * @return {@code true} when the interval is an artefact
     */
    public boolean isArtefact(double rrMs, double previousNormal, double localMedian) {
        if (!(rrMs >= MIN_RR_MS && rrMs <= MAX_RR_MS)) {
            return true;
        }
        boolean farFromPrevious = Double.isNaN(previousNormal) || deviates(rrMs, previousNormal);
        boolean farFromMedian = Double.isNaN(localMedian) || deviates(rrMs, localMedian);
        if (Double.isNaN(previousNormal) && Double.isNaN(localMedian)) {
            return false; // a lone first interval in range has nothing to be compared with
        }
        return farFromPrevious && farFromMedian;
    }

    private boolean deviates(double value, double reference) {
        return Math.abs(value - reference) > threshold * reference;
    }

    /**
     * Median of the first {@code count} values, sorting them in place (insertion sort: the windows
     * are a handful of values). NaN for {@code count == 0}.
     */
    static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        for (int i = 1; i < count; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
        int mid = count / 2;
        return (count % 2 == 1) ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
