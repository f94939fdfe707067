package com.clisonix.edge.analysis.hr;

import java.util.List;
import java.util.Optional;

/**
 * What a finished workout's heart-rate record adds to the {@code workouts} row and the athlete's
 * profile. Boxed fields are {@code null} when unknown, as in {@link HeartRateSnapshot}.
 *
 * @param samples            accepted samples
 * @param integratedSeconds  time credited to samples (after the gap rule)
 * @param averageHeartRate   time-weighted mean heart rate, bpm
 * @param maxHeartRate       highest accepted sample, bpm
 * @param minHeartRate       lowest accepted sample, bpm
 * @param zoneSeconds        seconds per zone, index 0 = below zone 1, 1..5 = zones
 * @param calories           kcal (Keytel, above the floor)
 * @param effortPoints       effort points
 * @param minutesHighZone    minutes at or above the high-zone threshold
 * @param trimp              Banister TRIMP
 * @param edwardsTrimp       Edwards TRIMP
 * @param secondsAboveHrMax  total time above the HRmax in effect
 * @param hrMaxRaise         a proposed new HRmax to store, if the workout earned one
 */
public record HeartRateSummary(
        long samples,
        double integratedSeconds,
        Double averageHeartRate,
        Integer maxHeartRate,
        Integer minHeartRate,
        List<Double> zoneSeconds,
        Double calories,
        double effortPoints,
        double minutesHighZone,
        Double trimp,
        Double edwardsTrimp,
        double secondsAboveHrMax,
        Optional<HrMaxRaise> hrMaxRaise) {

    public HeartRateSummary {
        zoneSeconds = List.copyOf(zoneSeconds);
    }
}
