package com.clisonix.edge.gateway.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's aggregated statistics: every field of the spec's FitnessStats model, plus the moment
 * they describe ({@code updated_at} of the Get User Statistics response).
 *
 * <p>Totals and streaks are never null (0 for a user without workouts). Averages, maxima, the
 * improvements and the form trend are null when there is nothing to compute them from, rather than
 * a misleading 0. Fractional values are rounded to one decimal. {@link FitnessStatsCalculator}
 * documents how each one is derived.
 *
 * @param totalWorkouts               counted workouts
 * @param totalWorkoutHours           their summed duration in hours
 * @param totalCaloriesBurned         their summed calories in kcal
 * @param totalDistanceKm             their summed distance in km
 * @param totalSteps                  their summed steps
 * @param currentWorkoutStreak        consecutive local days with a workout, ending today or yesterday
 * @param longestWorkoutStreak        the longest such run ever
 * @param avgWorkoutDurationMinutes   mean duration in minutes, or null
 * @param avgHeartRate                duration-weighted mean of the workouts' mean heart rates, or null
 * @param avgCaloriesPerWorkout       mean calories of the workouts that report them, or null
 * @param maxHeartRateRecorded        highest workout peak heart rate, or null
 * @param longestWorkoutMinutes       longest duration in minutes, or null
 * @param weeklyImprovementPercent    change of active minutes, last 7 days vs the 7 before, or null
 * @param monthlyImprovementPercent   change of active minutes, last 30 days vs the 30 before, or null
 * @param formAccuracyTrend           change of form score in points, last 30 days vs the 30 before, or null
 * @param updatedAt                   the "now" the statistics were computed for
 */
public record FitnessStats(int totalWorkouts, double totalWorkoutHours, double totalCaloriesBurned,
                           double totalDistanceKm, long totalSteps, int currentWorkoutStreak,
                           int longestWorkoutStreak, Double avgWorkoutDurationMinutes,
                           Double avgHeartRate, Double avgCaloriesPerWorkout,
                           Double maxHeartRateRecorded, Double longestWorkoutMinutes,
                           Double weeklyImprovementPercent, Double monthlyImprovementPercent,
                           Double formAccuracyTrend, Instant updatedAt) {

    /** The statistics of a user who has no counted workout yet. */
    public static FitnessStats empty(Instant now) {
        return new FitnessStats(0, 0.0, 0.0, 0.0, 0L, 0, 0,
                null, null, null, null, null, null, null, null, now);
    }

    /**
     * The fields under the spec's snake_case names, in the order of the Get User Statistics
     * response; null values are kept so that a JSON encoder writes them as {@code null}.
     * {@code updated_at} is an ISO-8601 string.
     */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("total_workouts", totalWorkouts);
        fields.put("total_workout_hours", totalWorkoutHours);
        fields.put("total_calories_burned", totalCaloriesBurned);
        fields.put("total_distance_km", totalDistanceKm);
        fields.put("total_steps", totalSteps);
        fields.put("current_workout_streak", currentWorkoutStreak);
        fields.put("longest_workout_streak", longestWorkoutStreak);
        fields.put("avg_workout_duration_minutes", avgWorkoutDurationMinutes);
        fields.put("avg_heart_rate", avgHeartRate);
        fields.put("avg_calories_per_workout", avgCaloriesPerWorkout);
        fields.put("max_heart_rate_recorded", maxHeartRateRecorded);
        fields.put("longest_workout_minutes", longestWorkoutMinutes);
        fields.put("weekly_improvement_percent", weeklyImprovementPercent);
        fields.put("monthly_improvement_percent", monthlyImprovementPercent);
        fields.put("form_accuracy_trend", formAccuracyTrend);
        fields.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        return fields;
    }
}
