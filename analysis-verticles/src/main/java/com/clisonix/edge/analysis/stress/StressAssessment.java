package com.clisonix.edge.analysis.stress;

import java.util.Map;
import java.util.Set;

/**
 * A stress score and how it came about.
 *
 * @param stressLevel       0-100, rounded; the API's {@code stress_level}
 * @param band              the band of {@code stressLevel}
 * @param interpretation    the band's API text ("Very Relaxed" ... "Very Stressed")
 * @param score             the unrounded score
 * @param points            points earned per component that was measured
 * @param missing           components not measured or with an implausible value
 * @param restingHrAssumed  whether the default resting heart rate stood in for the athlete's own
 * @param effortDominated   {@code true} when taken during exercise: the number then mostly reflects
 *                          physical effort
 * @param explanation       a sentence for the API saying what the number means in this context
 */
public record StressAssessment(
        int stressLevel,
        StressBand band,
        String interpretation,
        double score,
        Map<StressComponent, Double> points,
        Set<StressComponent> missing,
        boolean restingHrAssumed,
        boolean effortDominated,
        String explanation) {

    public StressAssessment {
        points = Map.copyOf(points);
        missing = Set.copyOf(missing);
    }
}
