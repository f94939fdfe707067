package com.clisonix.edge.gateway.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Computes a user's {@link FitnessStats} from their workout history.
 *
 * <p>Deterministic: the caller passes the gym's time zone and "now", and the calculator never reads
 * a clock, so a statistic can be recomputed and checked at any time. Bad values in a row (negative
 * distance, heart rate of 900, missing end time) make that value or that workout not count; they
 * never make the calculation fail.
 *
 * <p>Rules, in order of the fields (see also {@code docs/stats.md}):
 * <ul>
 *   <li>Which workouts count: {@link CountedWorkouts} (ended, started no later than now; the
 *       {@code completed} flag is not required). Open workouts are left out of every field.</li>
 *   <li>Totals sum the counted workouts; a missing or negative value adds nothing. Hours are total
 *       minutes / 60.</li>
 *   <li>Streaks: {@link StreakCalculator} over the local dates on which counted workouts started.</li>
 *   <li>{@code avg_workout_duration_minutes} = total minutes / counted workouts, the same
 *       relation the spec's example figures follow (39.5 h over 52 workouts, 45.5 min).</li>
 *   <li>{@code avg_heart_rate}: mean of the workouts' {@code average_heart_rate}, each weighted by
 *       its duration, so a ten-minute warm-up does not pull down an hour of hard work as much as
 *       a plain mean would. Heart rates outside 20-300 bpm are ignored (the CONTRACT.md §1 band).
 *       When every workout with a heart rate lasted zero minutes, the plain mean is used.</li>
 *   <li>{@code avg_calories_per_workout}: total calories / workouts that report calories (null
 *       means unknown, not zero; with the spec's default of 0.0 this is total / workouts).</li>
 *   <li>{@code max_heart_rate_recorded}: highest plausible {@code max_heart_rate} of any workout.</li>
 *   <li>{@code longest_workout_minutes}: longest duration.</li>
 *   <li>Improvements: {@link ImprovementCalculator}; form trend: {@link FormTrendCalculator}.</li>
 *   <li>Every fractional value is rounded half-up to one decimal after all sums, never before.</li>
 * </ul>
 */
public final class FitnessStatsCalculator {

    private FitnessStatsCalculator() {
    }

    /**
     * The statistics of one user.
     *
     * @param history every workout of the user, open ones included, in any order (null: none)
     * @param zone    the gym's time zone, which decides calendar days
     * @param now     the moment to compute for (decides "today" and excludes later workouts)
     * @throws NullPointerException when {@code zone} or {@code now} is null (a caller error, not data)
     */
    public static FitnessStats compute(List<WorkoutFacts> history, ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        List<CountedWorkout> counted = CountedWorkouts.select(history, zone, now);
        if (counted.isEmpty()) {
            return FitnessStats.empty(now);
        }
        LocalDate today = now.atZone(zone).toLocalDate();

        double totalMinutes = 0;
        double longestMinutes = 0;
        double calories = 0;
        int workoutsWithCalories = 0;
        double distance = 0;
        long steps = 0;
        double heartRateWeighted = 0;
        double heartRateWeight = 0;
        double heartRatePlainSum = 0;
        int heartRateCount = 0;
        Double maxHeartRate = null;

        for (CountedWorkout workout : counted) {
            WorkoutFacts facts = workout.facts();
            double minutes = workout.minutes();
            totalMinutes += minutes;
            longestMinutes = Math.max(longestMinutes, minutes);

            Double kcal = Measures.nonNegative(facts.caloriesBurned());
            if (kcal != null) {
                calories += kcal;
                workoutsWithCalories++;
            }
            Double km = Measures.nonNegative(facts.distanceKm());
            if (km != null) {
                distance += km;
            }
            if (facts.totalSteps() != null && facts.totalSteps() > 0) {
                steps += facts.totalSteps();
            }
            Double averageHr = Measures.heartRate(facts.averageHeartRate());
            if (averageHr != null) {
                heartRateWeighted += averageHr * minutes;
                heartRateWeight += minutes;
                heartRatePlainSum += averageHr;
                heartRateCount++;
            }
            Double peakHr = Measures.heartRate(facts.maxHeartRate());
            if (peakHr != null && (maxHeartRate == null || peakHr > maxHeartRate)) {
                maxHeartRate = peakHr;
            }
        }

        Streaks streaks = StreakCalculator.compute(
                counted.stream().map(CountedWorkout::localDay).toList(), today);
        int workouts = counted.size();
        Double avgHeartRate = heartRateCount == 0 ? null
                : heartRateWeight > 0 ? heartRateWeighted / heartRateWeight
                : heartRatePlainSum / heartRateCount;

        return new FitnessStats(
                workouts,
                Measures.oneDecimal(totalMinutes / 60.0),
                Measures.oneDecimal(calories),
                Measures.oneDecimal(distance),
                steps,
                streaks.current(),
                streaks.longest(),
                Measures.oneDecimal(totalMinutes / workouts),
                Measures.oneDecimal(avgHeartRate),
                workoutsWithCalories == 0 ? null : Measures.oneDecimal(calories / workoutsWithCalories),
                Measures.oneDecimal(maxHeartRate),
                Measures.oneDecimal(longestMinutes),
                ImprovementCalculator.percentChange(counted, today, ImprovementCalculator.WEEK_DAYS),
                ImprovementCalculator.percentChange(counted, today, ImprovementCalculator.MONTH_DAYS),
                FormTrendCalculator.trend(counted, today),
                now);
    }
}
