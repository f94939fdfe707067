package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Totals, averages, which workouts count, and rounding. Field names and meanings are those of the
 * FitnessStats model in fitness-module-spec.md ("Database Schema", FitnessStats).
 */
class FitnessStatsCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aUserWithoutWorkoutsHasZeroTotalsAndNullAverages() {
        Instant now = berlin("2025-06-06T20:00");
        for (List<WorkoutFacts> none : Arrays.asList(List.<WorkoutFacts>of(), null)) {
            FitnessStats stats = FitnessStatsCalculator.compute(none, BERLIN, now);
            assertThat(stats.totalWorkouts()).isZero();
            assertThat(stats.totalWorkoutHours()).isZero();
            assertThat(stats.totalCaloriesBurned()).isZero();
            assertThat(stats.totalDistanceKm()).isZero();
            assertThat(stats.totalSteps()).isZero();
            assertThat(stats.currentWorkoutStreak()).isZero();
            assertThat(stats.longestWorkoutStreak()).isZero();
            assertThat(stats.avgWorkoutDurationMinutes()).isNull();
            assertThat(stats.avgHeartRate()).isNull();
            assertThat(stats.avgCaloriesPerWorkout()).isNull();
            assertThat(stats.maxHeartRateRecorded()).isNull();
            assertThat(stats.longestWorkoutMinutes()).isNull();
            assertThat(stats.weeklyImprovementPercent()).isNull();
            assertThat(stats.monthlyImprovementPercent()).isNull();
            assertThat(stats.formAccuracyTrend()).isNull();
            assertThat(stats.updatedAt()).isEqualTo(now);
        }
    }

    @Test
    void onlyOpenWorkoutsLookLikeNoWorkouts() {
        Instant now = berlin("2025-06-06T20:00");
        List<WorkoutFacts> history = List.of(
                WorkoutBuilder.at(BERLIN, "2025-06-06T18:00").open().calories(300.0).build());
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, now)).isEqualTo(FitnessStats.empty(now));
    }

    @Test
    void totalsAndAveragesOfAShortHistory() {
        Instant now = berlin("2025-06-06T20:00");
        List<WorkoutFacts> history = new ArrayList<>();
        // W1: stored duration 45 min
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-02T07:00").minutes(45).calories(400.0)
                .heartRate(150.0, 178.0).distanceKm(5.2).steps(6000).build());
        // W2: no stored duration, 30 min 30 s between start and end -> 30.5 min
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-04T18:00")
                .lastingWithoutStoredDuration(Duration.ofSeconds(30 * 60 + 30)).calories(250.5)
                .heartRate(130.0, 165.0).build());
        // W3: ended but not marked completed: still counts; calories unknown
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-05T12:00").minutes(90).completed(false)
                .heartRate(140.0, 189.0).distanceKm(10.0).steps(12000).build());
        // not counted: open, starting after now, ending before it starts
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-06T19:00").open().calories(999.0)
                .heartRate(199.0, 210.0).build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-06T21:00").minutes(60).calories(999.0).build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-03T10:00").endedAt(berlin("2025-06-03T09:00"))
                .calories(999.0).build());

        FitnessStats stats = FitnessStatsCalculator.compute(history, BERLIN, now);

        assertThat(stats.totalWorkouts()).isEqualTo(3);
        // minutes 45 + 30.5 + 90 = 165.5; 165.5 / 60 = 2.758 -> 2.8 h
        assertThat(stats.totalWorkoutHours()).isEqualTo(2.8);
        // 400 + 250.5 (+ unknown) = 650.5 kcal
        assertThat(stats.totalCaloriesBurned()).isEqualTo(650.5);
        // 5.2 + 10.0 = 15.2 km
        assertThat(stats.totalDistanceKm()).isEqualTo(15.2);
        assertThat(stats.totalSteps()).isEqualTo(18000L);
        // 165.5 / 3 = 55.17 -> 55.2 min
        assertThat(stats.avgWorkoutDurationMinutes()).isEqualTo(55.2);
        // (150*45 + 130*30.5 + 140*90) / 165.5 = (6750 + 3965 + 12600) / 165.5 = 23315 / 165.5 = 140.88 -> 140.9
        assertThat(stats.avgHeartRate()).isEqualTo(140.9);
        // 650.5 kcal over the 2 workouts that report calories = 325.25 -> 325.3 (half up)
        assertThat(stats.avgCaloriesPerWorkout()).isEqualTo(325.3);
        assertThat(stats.maxHeartRateRecorded()).isEqualTo(189.0);
        assertThat(stats.longestWorkoutMinutes()).isEqualTo(90.0);
        // days 2, 4, 5 June; today is 6 June: the run 4-5 June ends yesterday -> current 2, longest 2
        assertThat(stats.currentWorkoutStreak()).isEqualTo(2);
        assertThat(stats.longestWorkoutStreak()).isEqualTo(2);
        // nothing before 31 May: no earlier window to compare with
        assertThat(stats.weeklyImprovementPercent()).isNull();
        assertThat(stats.monthlyImprovementPercent()).isNull();
        assertThat(stats.formAccuracyTrend()).isNull();
    }

    @Test
    void implausibleValuesAreIgnoredAndTheRestCounts() {
        Instant now = berlin("2025-06-06T20:00");
        List<WorkoutFacts> history = List.of(
                // negative stored duration: fall back to the timestamps (40 min)
                WorkoutBuilder.at(BERLIN, "2025-06-05T10:00").minutes(40).storedDuration(-5)
                        .calories(-100.0).distanceKm(Double.NaN).steps(-50)
                        .heartRate(900.0, 15.0).build(),
                WorkoutBuilder.at(BERLIN, "2025-06-06T10:00").minutes(20).calories(200.0)
                        .heartRate(120.0, 150.0).distanceKm(-3.0).build());

        FitnessStats stats = FitnessStatsCalculator.compute(history, BERLIN, now);

        assertThat(stats.totalWorkouts()).isEqualTo(2);
        // 40 + 20 = 60 min = 1.0 h
        assertThat(stats.totalWorkoutHours()).isEqualTo(1.0);
        assertThat(stats.longestWorkoutMinutes()).isEqualTo(40.0);
        assertThat(stats.totalCaloriesBurned()).isEqualTo(200.0);
        // the negative calories are unknown, not zero: 200 / 1 workout
        assertThat(stats.avgCaloriesPerWorkout()).isEqualTo(200.0);
        assertThat(stats.totalDistanceKm()).isZero();
        assertThat(stats.totalSteps()).isZero();
        // CONTRACT.md §1: heart rates outside 20-300 bpm are dropped, so only the 120 / 150 remain
        assertThat(stats.avgHeartRate()).isEqualTo(120.0);
        assertThat(stats.maxHeartRateRecorded()).isEqualTo(150.0);
    }

    @Test
    void heartRateIsWeightedByDuration() {
        Instant now = berlin("2025-06-06T20:00");
        List<WorkoutFacts> history = List.of(
                WorkoutBuilder.at(BERLIN, "2025-06-06T08:00").minutes(10).heartRate(100.0, 120.0).build(),
                WorkoutBuilder.at(BERLIN, "2025-06-06T09:00").minutes(60).heartRate(150.0, 175.0).build());
        // (100*10 + 150*60) / 70 = 10000 / 70 = 142.857 -> 142.9 (a plain mean would be 125)
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, now).avgHeartRate()).isEqualTo(142.9);
    }

    @Test
    void zeroLengthWorkoutsFallBackToThePlainHeartRateMean() {
        Instant now = berlin("2025-06-06T20:00");
        List<WorkoutFacts> history = List.of(
                WorkoutBuilder.at(BERLIN, "2025-06-06T08:00").minutes(0).heartRate(100.0, 120.0).build(),
                WorkoutBuilder.at(BERLIN, "2025-06-06T09:00").minutes(0).heartRate(151.0, 175.0).build());
        FitnessStats stats = FitnessStatsCalculator.compute(history, BERLIN, now);
        // (100 + 151) / 2 = 125.5
        assertThat(stats.avgHeartRate()).isEqualTo(125.5);
        assertThat(stats.totalWorkouts()).isEqualTo(2);
        assertThat(stats.avgWorkoutDurationMinutes()).isZero();
    }

    @Test
    void averagesFollowTheSpecExampleRelation() {
        // fitness-module-spec.md, FitnessStats example: 52 workouts, 39.5 h, 18750 kcal,
        // avg 45.5 min and 360.5 kcal. 39.5 h * 60 / 52 = 45.58 and 18750 / 52 = 360.58: the
        // averages are total / count. The example shows them cut to one decimal; the calculator rounds half up
        // (45.6 and 360.6), a difference of at most 0.1.
        Instant now = berlin("2025-06-30T22:00");
        List<WorkoutFacts> history = new ArrayList<>();
        LocalDateTime start = LocalDateTime.parse("2025-05-01T07:00");
        // 50 workouts of 45 min and 2 of 60 min: 50*45 + 2*60 = 2370 min = 39.5 h;
        // 50 of 360 kcal and 2 of 375 kcal: 18000 + 750 = 18750 kcal; one every 12 hours
        for (int i = 0; i < 52; i++) {
            int minutes = i < 50 ? 45 : 60;
            double kcal = i < 50 ? 360.0 : 375.0;
            history.add(WorkoutBuilder.at(BERLIN, start.plusHours(12L * i).toString()).minutes(minutes)
                    .calories(kcal).build());
        }
        FitnessStats stats = FitnessStatsCalculator.compute(history, BERLIN, now);
        assertThat(stats.totalWorkouts()).isEqualTo(52);
        assertThat(stats.totalWorkoutHours()).isEqualTo(39.5);
        assertThat(stats.totalCaloriesBurned()).isEqualTo(18750.0);
        assertThat(stats.avgWorkoutDurationMinutes()).isEqualTo(45.6);
        assertThat(stats.avgCaloriesPerWorkout()).isEqualTo(360.6);
    }

    @Test
    void fieldsCarryTheSpecNamesInResponseOrder() {
        Instant now = Instant.parse("2025-06-06T18:00:00Z");
        FitnessStats stats = FitnessStats.empty(now);
        // fitness-module-spec.md, "Get User Statistics" response
        assertThat(stats.toFields()).containsExactly(
                Map.entry("total_workouts", 0),
                Map.entry("total_workout_hours", 0.0),
                Map.entry("total_calories_burned", 0.0),
                Map.entry("total_distance_km", 0.0),
                Map.entry("total_steps", 0L),
                Map.entry("current_workout_streak", 0),
                Map.entry("longest_workout_streak", 0),
                new SimpleEntry<>("avg_workout_duration_minutes", null),
                new SimpleEntry<>("avg_heart_rate", null),
                new SimpleEntry<>("avg_calories_per_workout", null),
                new SimpleEntry<>("max_heart_rate_recorded", null),
                new SimpleEntry<>("longest_workout_minutes", null),
                new SimpleEntry<>("weekly_improvement_percent", null),
                new SimpleEntry<>("monthly_improvement_percent", null),
                new SimpleEntry<>("form_accuracy_trend", null),
                Map.entry("updated_at", "2025-06-06T18:00:00Z"));
    }
}
