package com.clisonix.edge.analysis.session;

import java.util.List;
import java.util.UUID;

/**
 * The contract's {@code AthleteMetrics} (CONTRACT.md section 4), every field, {@code null} when
 * unknown. Calories, effort points, high-zone minutes and TRIMP belong to a workout and are null
 * outside one. {@code zoneColor} is the zone's CSS colour, as the store-based view reports it.
 *
 * @param ts             epoch ms of the newest input analysed (reading or frame time)
 * @param stressLevel    0-100; during a workout it mostly reflects effort (see the stress docs)
 * @param emotionalState experimental label, only while fresh eye data exist
 */
public record AthleteMetrics(
        UUID userId,
        String username,
        Long ts,
        UUID workoutId,
        UUID classId,
        Integer heartRate,
        Double hrMax,
        Double pctHrMax,
        Double pctHrr,
        Integer zone,
        String zoneColor,
        Double calories,
        Double effortPoints,
        Double minutesHighZone,
        Double trimp,
        Double hrvRmssd,
        Integer stressLevel,
        String emotionalState,
        String exercise,
        Integer repsCounted,
        Double formScore,
        Double power,
        Double cadence,
        Double speed,
        Double distance,
        List<String> alerts) {

    public AthleteMetrics {
        alerts = List.copyOf(alerts);
    }
}
