package com.clisonix.edge.analysis.hr;

import java.util.Objects;

/**
 * Gym-wide settings for the heart-rate science. {@link #defaults()} gives the documented product
 * defaults; a gym changes them in {@code config/gateway.yaml}.
 *
 * @param hrMaxFormula          age formula used when a profile has no HRmax (default Tanaka)
 * @param zones                 zone bounds and colours (default 50/60/70/80/90 %, grey..red)
 * @param effortPoints          points per minute per zone (default 1/2/3/4/4)
 * @param kcalFloorFraction     no energy counted below this fraction of HRmax (default 0.50)
 * @param highZoneFraction      "high zone" minutes count from this fraction of HRmax (default 0.84)
 * @param maxSampleGapSeconds   most time one sample may be credited with; longer gaps are treated
 *                              as drop-outs (default 5 s)
 * @param aboveMaxAlertSeconds  continuous time above HRmax that raises a safety alert (default 60 s)
 * @param raiseHoldSeconds      continuous time above HRmax that earns an HRmax raise (default 30 s)
 * @param maxRaiseBpm           largest increase per raise (default 10 bpm)
 */
public record HeartRateConfig(
        HrMaxFormula hrMaxFormula,
        HeartRateZones zones,
        EffortPointsCalculator effortPoints,
        double kcalFloorFraction,
        double highZoneFraction,
        double maxSampleGapSeconds,
        double aboveMaxAlertSeconds,
        double raiseHoldSeconds,
        double maxRaiseBpm) {

    public static final double DEFAULT_MAX_SAMPLE_GAP_SECONDS = 5.0;
    public static final double DEFAULT_ABOVE_MAX_ALERT_SECONDS = 60.0;

    private static final HeartRateConfig DEFAULTS = new HeartRateConfig(
            HrMaxFormula.TANAKA,
            HeartRateZones.defaults(),
            EffortPointsCalculator.defaults(),
            KeytelEnergyCalculator.DEFAULT_FLOOR_FRACTION,
            EffortPointsCalculator.DEFAULT_HIGH_ZONE_FRACTION,
            DEFAULT_MAX_SAMPLE_GAP_SECONDS,
            DEFAULT_ABOVE_MAX_ALERT_SECONDS,
            HrMaxRaiseDetector.DEFAULT_HOLD_SECONDS,
            HrMaxRaiseDetector.DEFAULT_MAX_STEP_BPM);

    /** @throws IllegalArgumentException for an unusable configuration (checked once at start-up) */
    public HeartRateConfig {
        Objects.requireNonNull(hrMaxFormula, "hrMaxFormula");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(effortPoints, "effortPoints");
        requireFraction("kcalFloorFraction", kcalFloorFraction);
        requireFraction("highZoneFraction", highZoneFraction);
        requirePositive("maxSampleGapSeconds", maxSampleGapSeconds);
        requirePositive("aboveMaxAlertSeconds", aboveMaxAlertSeconds);
        requirePositive("raiseHoldSeconds", raiseHoldSeconds);
        requirePositive("maxRaiseBpm", maxRaiseBpm);
    }

    /** The product defaults. */
    public static HeartRateConfig defaults() {
        return DEFAULTS;
    }

    public HeartRateConfig withHrMaxFormula(HrMaxFormula formula) {
        return new HeartRateConfig(formula, zones, effortPoints, kcalFloorFraction, highZoneFraction,
                maxSampleGapSeconds, aboveMaxAlertSeconds, raiseHoldSeconds, maxRaiseBpm);
    }

    public HeartRateConfig withZones(HeartRateZones newZones) {
        return new HeartRateConfig(hrMaxFormula, newZones, effortPoints, kcalFloorFraction, highZoneFraction,
                maxSampleGapSeconds, aboveMaxAlertSeconds, raiseHoldSeconds, maxRaiseBpm);
    }

    public HeartRateConfig withEffortPoints(EffortPointsCalculator points) {
        return new HeartRateConfig(hrMaxFormula, zones, points, kcalFloorFraction, highZoneFraction,
                maxSampleGapSeconds, aboveMaxAlertSeconds, raiseHoldSeconds, maxRaiseBpm);
    }

    public HeartRateConfig withKcalFloorFraction(double floor) {
        return new HeartRateConfig(hrMaxFormula, zones, effortPoints, floor, highZoneFraction,
                maxSampleGapSeconds, aboveMaxAlertSeconds, raiseHoldSeconds, maxRaiseBpm);
    }

    public HeartRateConfig withMaxSampleGapSeconds(double gap) {
        return new HeartRateConfig(hrMaxFormula, zones, effortPoints, kcalFloorFraction, highZoneFraction,
                gap, aboveMaxAlertSeconds, raiseHoldSeconds, maxRaiseBpm);
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1): " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
