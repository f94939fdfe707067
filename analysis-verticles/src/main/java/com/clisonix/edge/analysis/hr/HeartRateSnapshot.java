package com.clisonix.edge.analysis.hr;

import java.util.List;

/**
 * The heart-rate part of an athlete's live metrics at one moment. Boxed fields are {@code null}
 * when the value cannot be known (no sample yet, no HRmax, no resting HR, no weight or age); they
 * map one-to-one onto the nullable fields of {@code AthleteMetrics}.
 *
 * @param heartRate        last accepted heart rate, bpm
 * @param hrMax            HRmax in effect for this workout, bpm
 * @param hrMaxSource      whether {@code hrMax} was measured or estimated
 * @param pctHrMax         last heart rate in percent of HRmax
 * @param pctHrr           last heart rate in percent of heart-rate reserve (Karvonen)
 * @param zone             1-5, or {@code null} below zone 1 or when HRmax is unknown
 * @param zoneColour       colour of {@code zone}
 * @param calories         kcal so far (Keytel), {@code null} when weight, age or HRmax is unknown
 * @param effortPoints     effort points so far
 * @param minutesHighZone  minutes at or above the high-zone threshold
 * @param trimp            Banister TRIMP so far, {@code null} without resting HR and HRmax
 * @param edwardsTrimp     Edwards TRIMP so far, {@code null} without HRmax
 * @param alerts           active safety alerts
 */
public record HeartRateSnapshot(
        Integer heartRate,
        Double hrMax,
        HrMaxSource hrMaxSource,
        Double pctHrMax,
        Double pctHrr,
        Integer zone,
        ZoneColour zoneColour,
        Double calories,
        double effortPoints,
        double minutesHighZone,
        Double trimp,
        Double edwardsTrimp,
        List<HeartRateAlert> alerts) {

    public HeartRateSnapshot {
        alerts = List.copyOf(alerts);
    }
}
