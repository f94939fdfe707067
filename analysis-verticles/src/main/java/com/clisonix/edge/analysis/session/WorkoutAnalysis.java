package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.hr.HeartRateSummary;
import com.clisonix.edge.analysis.hr.HrMax;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An athlete actor's account of a finished workout: the heart-rate record, the HRmax it used and
 * what the camera counted.
 */
public record WorkoutAnalysis(UUID userId, UUID workoutId, HeartRateSummary heartRate, Optional<HrMax> hrMax,
                              List<ExerciseResult> exercises) {

    public WorkoutAnalysis {
        exercises = List.copyOf(exercises);
    }
}
