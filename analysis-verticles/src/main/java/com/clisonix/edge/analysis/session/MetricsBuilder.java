package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.emotion.EmotionAssessment;
import com.clisonix.edge.analysis.hr.HeartRateSnapshot;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.stress.StressAssessment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the contract's {@link AthleteMetrics} (section 4) from the parts of an athlete's state:
 * workout totals only inside a workout, machine values only while fresh, figures rounded to one
 * decimal, NaN and infinities as null.
 */
final class MetricsBuilder {

    /** Who the metrics are about and the workout they belong to. */
    record Identity(UUID userId, String username, long lastTs, UUID workoutId, UUID classId) {
    }

    private MetricsBuilder() {
    }

    static AthleteMetrics build(Identity id, HeartRateSnapshot s, Double rmssd, Optional<StressAssessment> stress,
                                Optional<EmotionAssessment> emotion, PoseTracker pose, LatestSignals signals,
                                List<String> alertCodes, long nowMs) {
        boolean inWorkout = id.workoutId() != null;
        ExerciseKind shown = pose.exercise();
        double setScore = pose.shownScore();
        boolean machineFresh = signals.machineFresh(nowMs);
        return new AthleteMetrics(
                id.userId(),
                id.username(),
                id.lastTs() > 0 ? id.lastTs() : null,
                id.workoutId(),
                id.classId(),
                s.heartRate(),
                round1(s.hrMax()),
                round1(s.pctHrMax()),
                round1(s.pctHrr()),
                s.zone(),
                s.zoneColour() == null ? null : s.zoneColour().hex(),
                inWorkout ? round1(s.calories()) : null,
                inWorkout ? round1(s.effortPoints()) : null,
                inWorkout ? round1(s.minutesHighZone()) : null,
                inWorkout ? round1(s.trimp()) : null,
                round1(rmssd),
                stress.map(StressAssessment::stressLevel).orElse(null),
                emotion.map(e -> e.state().wireName()).orElse(null),
                shown == null ? null : shown.wireName(),
                pose.shownReps(),
                Double.isNaN(setScore) ? null : round1(setScore),
                machineFresh ? signals.power() : null,
                machineFresh ? signals.cadence() : null,
                machineFresh ? signals.speed() : null,
                machineFresh ? signals.distance() : null,
                alertCodes);
    }

    static Double round1(Double v) {
        return v == null || !Double.isFinite(v) ? null : Math.round(v * 10) / 10.0;
    }
}
