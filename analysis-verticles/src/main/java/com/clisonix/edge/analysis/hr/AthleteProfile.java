package com.clisonix.edge.analysis.hr;

/**
 * The profile values the heart-rate formulas need. Every field may be {@code null} when the
 * athlete has not provided it.
 *
 * <p>Values outside a plausible human range are treated exactly like missing ones by the
 * {@code ...OrNaN()} accessors, so a typo in a profile (age 400, resting HR 6) degrades to
 * "unknown" instead of producing absurd numbers on the floor screen. The ranges are deliberately
 * wide: they reject impossible values, not unusual athletes.
 *
 * @param age        age in whole years (plausible 10-120, the range the profile API accepts)
 * @param gender     {@code M}, {@code F} or {@code X}; see {@link Sex#fromGender(String)}
 * @param weightKg   body mass in kilograms (plausible 20-350)
 * @param restingHr  resting heart rate in bpm (plausible 25-120)
 * @param maxHr      measured or previously raised maximum heart rate in bpm (plausible 100-250)
 */
public record AthleteProfile(Integer age, String gender, Double weightKg, Double restingHr, Double maxHr) {

    public static final int MIN_AGE = 10;
    public static final int MAX_AGE = 120;
    public static final double MIN_WEIGHT_KG = 20.0;
    public static final double MAX_WEIGHT_KG = 350.0;
    public static final double MIN_RESTING_HR = 25.0;
    public static final double MAX_RESTING_HR = 120.0;
    public static final double MIN_MAX_HR = 100.0;
    public static final double MAX_MAX_HR = 250.0;

    /** A profile with nothing known. */
    public static AthleteProfile unknown() {
        return new AthleteProfile(null, null, null, null, null);
    }

    /** The sex used for sex-specific coefficients. */
    public Sex sex() {
        return Sex.fromGender(gender);
    }

    /** Age in years, or NaN when missing or implausible. */
    public double ageOrNaN() {
        return age == null ? Double.NaN : within(age.doubleValue(), MIN_AGE, MAX_AGE);
    }

    /** Body mass in kg, or NaN when missing or implausible. */
    public double weightOrNaN() {
        return weightKg == null ? Double.NaN : within(weightKg, MIN_WEIGHT_KG, MAX_WEIGHT_KG);
    }

    /** Resting heart rate in bpm, or NaN when missing or implausible. */
    public double restingHrOrNaN() {
        return restingHr == null ? Double.NaN : within(restingHr, MIN_RESTING_HR, MAX_RESTING_HR);
    }

    /** Profile maximum heart rate in bpm, or NaN when missing or implausible. */
    public double maxHrOrNaN() {
        return maxHr == null ? Double.NaN : within(maxHr, MIN_MAX_HR, MAX_MAX_HR);
    }

    private static double within(double value, double min, double max) {
        return value >= min && value <= max ? value : Double.NaN;
    }
}
