package com.clisonix.edge.analysis.hr;

/**
 * Training impulse (TRIMP): heart-rate based training load.
 *
 * <p><b>Banister</b> (Banister 1991, "Modeling elite athletic performance"; Morton, Fitz-Clarke &amp;
 * Banister 1990), formula as in the training-science reference §6:
 * <pre>
 *   TRIMP = minutes * x * k * e^(b x),     x = (HR - HRrest) / (HRmax - HRrest)
 *   men: k = 0.64, b = 1.92        women: k = 0.86, b = 1.67
 * </pre>
 * Decisions: it is integrated per sample ({@code sum of dt * x * k * e^(b x)}), not evaluated at
 * the session's mean heart rate; the function is convex, so the mean-HR shortcut under-counts
 * interval training. {@code x} is clamped to [0, 1]: a heart rate below rest adds nothing, and one
 * above HRmax counts as HRmax, because the weighting was never fitted beyond it. For
 * {@link Sex#UNSPECIFIED} the male and female contributions are averaged (not their constants).
 *
 * <p><b>Edwards</b> (Edwards 1993, The Heart Rate Monitor Book): minutes in the bands 50-60, 60-70,
 * 70-80, 80-90 and 90-100 % HRmax weighted 1 to 5 and summed. The bands are Edwards' own and do
 * not follow a gym's configured zones, so the number stays comparable between gyms. Above 100 %
 * counts as weight 5, below 50 % as 0. Its 1-5 weights are a convention rather than a physiological result; the value is
 * offered for comparison with other tools.
 */
public final class TrimpCalculator {

    public static final double MALE_K = 0.64;
    public static final double MALE_B = 1.92;
    public static final double FEMALE_K = 0.86;
    public static final double FEMALE_B = 1.67;

    private TrimpCalculator() {
    }

    /**
     * The Banister weighting {@code x * k * e^(b x)} for an already clamped reserve fraction
     * {@code x} (the per-minute TRIMP rate).
     */
    public static double banisterRate(Sex sex, double x) {
        return switch (sex) {
            case MALE -> x * MALE_K * Math.exp(MALE_B * x);
            case FEMALE -> x * FEMALE_K * Math.exp(FEMALE_B * x);
            case UNSPECIFIED -> x * (MALE_K * Math.exp(MALE_B * x) + FEMALE_K * Math.exp(FEMALE_B * x)) / 2.0;
        };
    }

    /** The reserve fraction clamped to [0, 1]; NaN when the reserve is unknown or not positive. */
    public static double clampedReserveFraction(double heartRate, double restingHr, double hrMax) {
        double x = KarvonenCalculator.fractionOfReserve(heartRate, restingHr, hrMax);
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x < 0 ? 0.0 : Math.min(x, 1.0);
    }

    /** Banister TRIMP for {@code minutes} spent at {@code heartRate}; NaN when the reserve is unknown. */
    public static double banister(Sex sex, double heartRate, double restingHr, double hrMax, double minutes) {
        return minutes * banisterRate(sex, clampedReserveFraction(heartRate, restingHr, hrMax));
    }

    /** Edwards weight (0-5) of a heart rate given as a fraction of HRmax. */
    public static int edwardsWeight(double fractionOfHrMax) {
        if (fractionOfHrMax >= 0.9) {
            return 5;
        }
        if (fractionOfHrMax >= 0.8) {
            return 4;
        }
        if (fractionOfHrMax >= 0.7) {
            return 3;
        }
        if (fractionOfHrMax >= 0.6) {
            return 2;
        }
        return fractionOfHrMax >= 0.5 ? 1 : 0;
    }

    /** Edwards TRIMP for {@code minutes} spent at {@code heartRate}; NaN when HRmax is unknown. */
    public static double edwards(double heartRate, double hrMax, double minutes) {
        if (!(hrMax > 0)) {
            return Double.NaN;
        }
        return minutes * edwardsWeight(heartRate / hrMax);
    }
}
