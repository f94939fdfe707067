package com.clisonix.edge.analysis.hr;

/**
 * Energy expenditure from heart rate, after Keytel et al. 2005: "Prediction of energy expenditure
 * from heart rate monitoring during submaximal exercise", J Sports Sci 23(3):289-297,
 * doi:10.1080/02640410470001730089.
 *
 * <p>The equations give <b>kJ per minute</b>; kcal = kJ / 4.184. Inputs: HR in bpm, body mass W in
 * kg, age A in years, VO2max in ml/kg/min.
 * <pre>
 *   male,   without VO2max: -55.0969 + 0.6309 HR + 0.1988 W + 0.2017 A
 *   female, without VO2max: -20.4022 + 0.4472 HR - 0.1263 W + 0.0740 A
 *   male,   with VO2max:    -95.7735 + 0.634 HR + 0.394 W + 0.404 VO2max + 0.271 A
 *   female, with VO2max:    -59.3954 + 0.450 HR + 0.103 W + 0.380 VO2max + 0.274 A
 * </pre>
 * (The with-VO2max pair is the paper's mixed equation {@code -59.3954 + g(...) + (1-g)(...)} split
 * by sex.) Coefficients from the training-science reference §4.
 *
 * <p>Decisions:
 * <ul>
 *   <li>{@link Sex#UNSPECIFIED} (profile gender X or unknown) uses the mean of the male and female
 *       results. Because both equations are linear, that is the same as averaging the
 *       coefficients.</li>
 *   <li>The equations were fitted on steady submaximal exercise (roughly 57-90 % HRmax, ages 18-45,
 *       47-120 kg). Near rest they are meaningless and can go negative, so, as Myzone does, energy is
 *       only counted from a floor (default 50 % HRmax) upwards, and a negative prediction counts as
 *       zero.</li>
 *   <li>The result is gross expenditure; no resting share is subtracted ("active calories" is a
 *       product choice, not part of the equations).</li>
 * </ul>
 */
public final class KeytelEnergyCalculator {

    /** Kilojoules per kilocalorie (thermochemical calorie). */
    public static final double KJ_PER_KCAL = 4.184;
    /** Default floor: below this fraction of HRmax no energy is counted. */
    public static final double DEFAULT_FLOOR_FRACTION = 0.50;

    private static final double MALE_INTERCEPT = -55.0969;
    private static final double MALE_HR = 0.6309;
    private static final double MALE_WEIGHT = 0.1988;
    private static final double MALE_AGE = 0.2017;
    private static final double FEMALE_INTERCEPT = -20.4022;
    private static final double FEMALE_HR = 0.4472;
    private static final double FEMALE_WEIGHT = -0.1263;
    private static final double FEMALE_AGE = 0.0740;

    private static final double VO2_MALE_INTERCEPT = -59.3954 - 36.3781;
    private static final double VO2_MALE_HR = 0.634;
    private static final double VO2_MALE_WEIGHT = 0.394;
    private static final double VO2_MALE_VO2 = 0.404;
    private static final double VO2_MALE_AGE = 0.271;
    private static final double VO2_FEMALE_INTERCEPT = -59.3954;
    private static final double VO2_FEMALE_HR = 0.450;
    private static final double VO2_FEMALE_WEIGHT = 0.103;
    private static final double VO2_FEMALE_VO2 = 0.380;
    private static final double VO2_FEMALE_AGE = 0.274;

    private final double floorFraction;

    /** A calculator with the default floor of 50 % HRmax. */
    public KeytelEnergyCalculator() {
        this(DEFAULT_FLOOR_FRACTION);
    }

    /** @param floorFraction fraction of HRmax below which nothing is counted (0 disables the floor) */
    public KeytelEnergyCalculator(double floorFraction) {
        if (!(floorFraction >= 0 && floorFraction < 1)) {
            throw new IllegalArgumentException("floor must be in [0, 1): " + floorFraction);
        }
        this.floorFraction = floorFraction;
    }

    public double floorFraction() {
        return floorFraction;
    }

    /**
     * Raw equation value in kJ/min without VO2max, unclamped (it can be negative near rest); NaN
     * when an input is NaN.
     */
    public static double rawKjPerMinute(Sex sex, double heartRate, double weightKg, double ageYears) {
        return interceptKj(sex, weightKg, ageYears) + slopeKjPerBpm(sex) * heartRate;
    }

    /**
     * The part of the equation that does not depend on heart rate, in kJ/min:
     * intercept + weight and age terms, averaged over both sexes for {@link Sex#UNSPECIFIED}. A
     * session precomputes it once so each sample costs one multiply-add.
     */
    public static double interceptKj(Sex sex, double weightKg, double ageYears) {
        double male = MALE_INTERCEPT + MALE_WEIGHT * weightKg + MALE_AGE * ageYears;
        double female = FEMALE_INTERCEPT + FEMALE_WEIGHT * weightKg + FEMALE_AGE * ageYears;
        return pick(sex, male, female);
    }

    /** kJ/min per bpm of heart rate for the sex (mean of both for {@link Sex#UNSPECIFIED}). */
    public static double slopeKjPerBpm(Sex sex) {
        return pick(sex, MALE_HR, FEMALE_HR);
    }

    /** Energy rate in kJ/min without VO2max, never negative; NaN when an input is NaN. */
    public static double kjPerMinute(Sex sex, double heartRate, double weightKg, double ageYears) {
        return nonNegative(rawKjPerMinute(sex, heartRate, weightKg, ageYears));
    }

    /** Energy rate in kcal/min without VO2max, never negative; NaN when an input is NaN. */
    public static double kcalPerMinute(Sex sex, double heartRate, double weightKg, double ageYears) {
        return kjPerMinute(sex, heartRate, weightKg, ageYears) / KJ_PER_KCAL;
    }

    /**
     * Energy rate in kJ/min with the VO2max equation (better fit in the paper: R² 0.83 against
     * 0.73), never negative; NaN when an input is NaN.
     */
    public static double kjPerMinuteWithVo2Max(Sex sex, double heartRate, double weightKg, double ageYears,
                                               double vo2Max) {
        double male = VO2_MALE_INTERCEPT + VO2_MALE_HR * heartRate + VO2_MALE_WEIGHT * weightKg
                + VO2_MALE_VO2 * vo2Max + VO2_MALE_AGE * ageYears;
        double female = VO2_FEMALE_INTERCEPT + VO2_FEMALE_HR * heartRate + VO2_FEMALE_WEIGHT * weightKg
                + VO2_FEMALE_VO2 * vo2Max + VO2_FEMALE_AGE * ageYears;
        return nonNegative(pick(sex, male, female));
    }

    /**
     * kcal/min counted for a sample: zero below the floor (as a fraction of {@code hrMax}), else the
     * equation without VO2max. NaN when HRmax, weight or age is unknown, so callers can tell
     * "nothing burned" from "cannot say".
     */
    public double countedKcalPerMinute(Sex sex, double heartRate, double hrMax, double weightKg, double ageYears) {
        if (!(hrMax > 0) || Double.isNaN(weightKg) || Double.isNaN(ageYears)) {
            return Double.NaN;
        }
        if (heartRate < floorFraction * hrMax) {
            return 0.0;
        }
        return kcalPerMinute(sex, heartRate, weightKg, ageYears);
    }

    private static double pick(Sex sex, double male, double female) {
        return switch (sex) {
            case MALE -> male;
            case FEMALE -> female;
            case UNSPECIFIED -> (male + female) / 2.0;
        };
    }

    private static double nonNegative(double kj) {
        return kj < 0 ? 0.0 : kj;
    }
}
