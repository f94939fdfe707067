package com.clisonix.edge.gateway.stats;

import java.time.Instant;
import java.util.UUID;

/**
 * One achievement of a user: a current personal record or a streak milestone.
 *
 * <p>Its identity is ({@link #type}, {@link #exerciseName}), the unique key of
 * {@code user_achievements}: a user holds at most one achievement of each identity.
 *
 * @param type         the kind
 * @param exerciseName the canonical exercise name for per-exercise kinds, {@code ""} otherwise
 * @param value        the record's value (minutes, kcal, points, reps, seconds or days)
 * @param unit         the unit of {@code value}, as {@link AchievementType#unit()}
 * @param workoutId    the workout in which it was achieved (may be null when the row had no id)
 * @param achievedAt   when it was achieved (see {@link AchievementsCalculator})
 */
public record Achievement(AchievementType type, String exerciseName, double value, String unit,
                          UUID workoutId, Instant achievedAt) {

    public Achievement {
        exerciseName = exerciseName == null ? "" : exerciseName;
    }

    /** Whether {@code other} has the same identity (type and exercise). */
    public boolean sameKind(Achievement other) {
        return other != null && type == other.type && exerciseName.equals(other.exerciseName);
    }
}
