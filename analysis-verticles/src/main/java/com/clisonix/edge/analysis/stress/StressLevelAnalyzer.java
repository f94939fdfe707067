package com.clisonix.edge.analysis.stress;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns heart rate, HRV, pupil dilation and breathing rate into the 0-100 stress score of the
 * fitness API ("Stress Level Detection" in the product specification: 40 / 30 / 20 / 10 points).
 *
 * <p>Each signal earns points on a straight line between two anchors, clamped at both ends:
 * <table>
 *   <caption>Component anchors</caption>
 *   <tr><th>component</th><th>0 points at</th><th>full points at</th><th>why</th></tr>
 *   <tr><td>HR elevation (40)</td><td>HR = resting HR</td><td>resting + 120 bpm</td>
 *       <td>+120 bpm takes a typical adult (resting 60) to about the Tanaka HRmax of a
 *       40-year-old, i.e. the whole usable range</td></tr>
 *   <tr><td>HRV, RMSSD (30)</td><td>&ge; 70 ms</td><td>&le; 10 ms</td>
 *       <td>short-term RMSSD in healthy adults is around 42 &plusmn; 15 ms (Nunan et al., PACE 2010,
 *       digits uncertain), so 70 ms is clearly relaxed; 10 ms is what hard exercise produces</td></tr>
 *   <tr><td>pupil dilation rate (20)</td><td>&le; 0.05 /s</td><td>&ge; 0.50 /s</td>
 *       <td>no validated mapping exists (Bradley et al., Psychophysiology 2008 only shows that
 *       arousal dilates the pupil); experimental</td></tr>
 *   <tr><td>breathing rate (10)</td><td>&le; 12 /min</td><td>&ge; 30 /min</td>
 *       <td>12-20 breaths/min is the usual adult resting range; 30 is clearly laboured</td></tr>
 * </table>
 *
 * <p><b>Missing inputs are re-normalised:</b> the score is 100 times the points earned divided by
 * the points available from the signals that were measured. Counting a missing signal as zero
 * would make every reading without a camera look relaxed. The result lists what was missing, so a
 * score from one signal can be shown with due caution. A value outside a plausible range counts as
 * missing. Without any usable signal there is no score (empty result).
 *
 * <p>When the athlete's resting heart rate is unknown, {@value #DEFAULT_RESTING_HR} bpm is assumed
 * and flagged. When the reading was taken during exercise, heart rate, breathing and HRV are driven
 * by the workload, so the score is still computed the same way but flagged as effort-dominated with
 * an explanation; it must not be read as psychological stress (training-science reference §7, §10).
 *
 * <p>Thread-safe; never throws for bad input.
 */
public final class StressLevelAnalyzer {

    /** Resting heart rate assumed when the athlete's own is unknown, bpm. */
    public static final double DEFAULT_RESTING_HR = 60.0;

    static final double HR_FULL_ELEVATION_BPM = 120.0;
    static final double HRV_RELAXED_MS = 70.0;
    static final double HRV_STRESSED_MS = 10.0;
    static final double PUPIL_CALM_RATE = 0.05;
    static final double PUPIL_STRESSED_RATE = 0.50;
    static final double RESP_CALM_PER_MIN = 12.0;
    static final double RESP_STRESSED_PER_MIN = 30.0;

    private static final String AT_REST = "Combines heart rate above resting, heart-rate variability, pupil dilation "
            + "and breathing rate; meaningful for readings taken at rest.";
    private static final String IN_EXERCISE = "Taken during exercise: heart rate, breathing and heart-rate variability "
            + "follow the workload, so this number mainly reflects physical effort, not psychological stress. "
            + "Compare with a reading taken at rest.";

    private final double defaultRestingHr;

    public StressLevelAnalyzer() {
        this(DEFAULT_RESTING_HR);
    }

    /** @param defaultRestingHr resting heart rate to assume when a request has none, bpm */
    public StressLevelAnalyzer(double defaultRestingHr) {
        if (!(defaultRestingHr >= 25 && defaultRestingHr <= 120)) {
            throw new IllegalArgumentException("default resting HR must be 25-120 bpm: " + defaultRestingHr);
        }
        this.defaultRestingHr = defaultRestingHr;
    }

    /** The assessment, or empty when no signal is usable. */
    public Optional<StressAssessment> analyze(StressInputs in) {
        if (in == null) {
            return Optional.empty();
        }
        Map<StressComponent, Double> points = new EnumMap<>(StressComponent.class);
        Set<StressComponent> missing = EnumSet.noneOf(StressComponent.class);

        Double resting = valid(in.restingHeartRate(), 25, 120);
        boolean restingAssumed = false;
        Double hr = valid(in.heartRate(), 20, 300);
        if (hr != null) {
            double rest = resting != null ? resting : defaultRestingHr;
            restingAssumed = resting == null;
            points.put(StressComponent.HEART_RATE_ELEVATION,
                    scale(StressComponent.HEART_RATE_ELEVATION, (hr - rest) / HR_FULL_ELEVATION_BPM));
        } else {
            missing.add(StressComponent.HEART_RATE_ELEVATION);
        }
        Double hrv = valid(in.heartRateVariability(), 0.1, 500);
        if (hrv != null) {
            points.put(StressComponent.HEART_RATE_VARIABILITY, scale(StressComponent.HEART_RATE_VARIABILITY,
                    (HRV_RELAXED_MS - hrv) / (HRV_RELAXED_MS - HRV_STRESSED_MS)));
        } else {
            missing.add(StressComponent.HEART_RATE_VARIABILITY);
        }
        Double pupil = valid(in.pupilDilationRate(), 0, 10);
        if (pupil != null) {
            points.put(StressComponent.PUPIL_DILATION, scale(StressComponent.PUPIL_DILATION,
                    (pupil - PUPIL_CALM_RATE) / (PUPIL_STRESSED_RATE - PUPIL_CALM_RATE)));
        } else {
            missing.add(StressComponent.PUPIL_DILATION);
        }
        Double resp = valid(in.respiratoryRate(), 2, 80);
        if (resp != null) {
            points.put(StressComponent.RESPIRATORY_RATE, scale(StressComponent.RESPIRATORY_RATE,
                    (resp - RESP_CALM_PER_MIN) / (RESP_STRESSED_PER_MIN - RESP_CALM_PER_MIN)));
        } else {
            missing.add(StressComponent.RESPIRATORY_RATE);
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double earned = 0;
        double available = 0;
        for (Map.Entry<StressComponent, Double> e : points.entrySet()) {
            earned += e.getValue();
            available += e.getKey().maxPoints();
        }
        double score = 100.0 * earned / available;
        int level = (int) Math.round(score);
        StressBand band = StressBand.of(level);
        String explanation = in.duringExercise() ? IN_EXERCISE : AT_REST;
        if (!missing.isEmpty()) {
            explanation += " Scaled over the measured signals only; missing: " + describe(missing) + ".";
        }
        return Optional.of(new StressAssessment(level, band, band.interpretation(), score, points, missing,
                restingAssumed, in.duringExercise(), explanation));
    }

    private static double scale(StressComponent component, double fraction) {
        double clamped = fraction < 0 ? 0 : Math.min(fraction, 1.0);
        return component.maxPoints() * clamped;
    }

    private static Double valid(Double value, double min, double max) {
        return value != null && value >= min && value <= max ? value : null;
    }

    private static String describe(Set<StressComponent> missing) {
        StringBuilder sb = new StringBuilder();
        for (StressComponent c : missing) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(switch (c) {
                case HEART_RATE_ELEVATION -> "heart rate";
                case HEART_RATE_VARIABILITY -> "heart-rate variability";
                case PUPIL_DILATION -> "pupil dilation";
                case RESPIRATORY_RATE -> "breathing rate";
            });
        }
        return sb.toString();
    }
}
