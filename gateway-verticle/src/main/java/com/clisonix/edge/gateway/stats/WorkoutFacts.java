package com.clisonix.edge.gateway.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the statistics need from one row of the {@code workouts} table and its exercises.
 *
 * <p>Nullable fields mirror the nullable columns; the calculators decide what an absent value
 * means (see {@link CountedWorkouts}). The constructor never throws: a null exercise list becomes
 * empty and null entries in it are dropped, so a half-filled row cannot break a statistics run.
 *
 * @param id                the workout's id (carried into achievements; may be null in tests)
 * @param startedAt         start time; a workout without one is ignored
 * @param endedAt           end time, null while the workout is open
 * @param durationMinutes   the stored duration, preferred over the timestamps when present
 * @param caloriesBurned    {@code total_calories_burned} in kcal, or null when unknown
 * @param averageHeartRate  mean heart rate of the session in bpm, or null
 * @param maxHeartRate      peak heart rate of the session in bpm, or null
 * @param distanceKm        distance covered in km, or null
 * @param totalSteps        steps taken, or null
 * @param completed         the client's "completed" flag (not required for a workout to count)
 * @param exercises         the workout's exercises, never null after construction
 */
public record WorkoutFacts(UUID id, Instant startedAt, Instant endedAt, Integer durationMinutes,
                           Double caloriesBurned, Double averageHeartRate, Double maxHeartRate,
                           Double distanceKm, Integer totalSteps, boolean completed,
                           List<ExerciseFacts> exercises) {

    public WorkoutFacts {
        exercises = exercises == null
                ? List.of()
                : exercises.stream().filter(Objects::nonNull).toList();
    }

    /** Whether the workout is still running (no end time yet). */
    public boolean open() {
        return endedAt == null;
    }
}
