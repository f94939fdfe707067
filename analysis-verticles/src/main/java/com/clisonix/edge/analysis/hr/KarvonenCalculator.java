package com.clisonix.edge.analysis.hr;

/**
 * Heart-rate reserve (Karvonen method): the span between resting and maximum heart rate.
 *
 * <pre>
 *   %HRR      = 100 * (HR - HRrest) / (HRmax - HRrest)
 *   target(p) = HRrest + p * (HRmax - HRrest)        for a share p of the reserve between 0 and 1
 * </pre>
 * Karvonen, Kentala &amp; Mustala 1957; formulas as summarised in the training-science reference §2.
 * %HRR is a different number from %HRmax (some vendors label it "%HRmax"); this product always
 * names the two apart. Values are not clamped: a heart rate below rest gives a negative %HRR and
 * one above HRmax more than 100, which is what a coach needs to see. When the inputs cannot form
 * a reserve (missing, or HRmax not above rest) the result is NaN.
 */
public final class KarvonenCalculator {

    private KarvonenCalculator() {
    }

    /** {@code (HR - rest) / (max - rest)}, or NaN when the reserve is unknown or not positive. */
    public static double fractionOfReserve(double heartRate, double restingHr, double hrMax) {
        double reserve = hrMax - restingHr;
        if (!(reserve > 0)) {
            return Double.NaN;
        }
        return (heartRate - restingHr) / reserve;
    }

    /** %HRR: {@code 100 * (HR - rest) / (max - rest)}, or NaN. */
    public static double percentOfReserve(double heartRate, double restingHr, double hrMax) {
        return 100.0 * fractionOfReserve(heartRate, restingHr, hrMax);
    }

    /**
     * The heart rate that corresponds to a fraction of the reserve, e.g. 0.7 for a "70 % HRR"
     * target; NaN when the reserve is unknown or not positive.
     */
    public static double targetHeartRate(double fractionOfReserve, double restingHr, double hrMax) {
        double reserve = hrMax - restingHr;
        if (!(reserve > 0)) {
            return Double.NaN;
        }
        return restingHr + fractionOfReserve * reserve;
    }
}
