package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Personal records and streak milestones (fitness-module-spec.md, Key Features: "Analytics
 * Dashboard: progress tracking, streaks, personal records"; exercise names, reps_counted / reps,
 * form_score and plank duration from CONTRACT.md §3).
 */
class AchievementsCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = at("2025-06-30T12:00");

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static final WorkoutFacts W1 = WorkoutBuilder.at(BERLIN, "2025-06-01T10:00").minutes(45).calories(400.0)
            .exercise("Push-ups", 12, null, 80.0, null)
            .exercise("Planks", 3, null, 70.0, 60)          // a plank's reps mean nothing
            .exercise("Squats", 10, 15, 0.0, null)          // camera counted 15; form never scored
            .build();
    private static final WorkoutFacts W2 = WorkoutBuilder.at(BERLIN, "2025-06-03T10:00").minutes(60).calories(350.0)
            .exercise("pushups", 20, 18, 85.0, null)        // the camera's 18 wins over the entered 20
            .exercise("plank", null, null, null, 45)
            .build();
    private static final WorkoutFacts W3 = WorkoutBuilder.at(BERLIN, "2025-06-05T10:00").minutes(60).calories(500.0)
            .exercise("push-up", 18, null, 85.0, null)      // ties on reps and form: not a new record
            .exercise("plank", null, null, null, 90)
            .build();
    private static final WorkoutFacts OPEN = WorkoutBuilder.at(BERLIN, "2025-06-07T10:00").open().calories(900.0)
            .exercise("push_up", null, 50, 99.0, null).build();
    private static final WorkoutFacts FUTURE = WorkoutBuilder.at(BERLIN, "2025-07-01T10:00").minutes(300)
            .calories(2000.0).build();

    private static List<Achievement> compute(List<WorkoutFacts> history) {
        return AchievementsCalculator.compute(history, BERLIN, NOW);
    }

    @Test
    void recordsOfAHistory() {
        List<Achievement> achievements = compute(List.of(W3, OPEN, W1, FUTURE, W2));

        assertThat(achievements)
                .extracting(Achievement::type, Achievement::exerciseName, Achievement::value, Achievement::unit,
                        Achievement::workoutId, Achievement::achievedAt)
                .containsExactly(
                        // 60 min in W2 first; W3's 60 min only ties
                        tuple(AchievementType.LONGEST_WORKOUT, "", 60.0, "minutes", W2.id(), W2.endedAt()),
                        tuple(AchievementType.MOST_CALORIES, "", 500.0, "kcal", W3.id(), W3.endedAt()),
                        tuple(AchievementType.BEST_FORM_SCORE, "plank", 70.0, "points", W1.id(), W1.endedAt()),
                        tuple(AchievementType.BEST_FORM_SCORE, "push_up", 85.0, "points", W2.id(), W2.endedAt()),
                        tuple(AchievementType.MOST_REPS, "push_up", 18.0, "reps", W2.id(), W2.endedAt()),
                        tuple(AchievementType.MOST_REPS, "squat", 15.0, "reps", W1.id(), W1.endedAt()),
                        tuple(AchievementType.LONGEST_HOLD, "plank", 90.0, "seconds", W3.id(), W3.endedAt()));
        // days 1, 3, 5 June: no streak of 3, so no milestone
        assertThat(achievements).noneMatch(a -> a.type().milestone());
    }

    @Test
    void aRecordIsReplacedOnlyWhenBeaten() {
        List<Achievement> afterFirst = compute(List.of(W1));
        List<Achievement> afterSecond = compute(List.of(W1, W2));

        assertThat(find(afterFirst, AchievementType.MOST_REPS, "push_up").value()).isEqualTo(12.0);
        assertThat(find(afterSecond, AchievementType.MOST_REPS, "push_up").value()).isEqualTo(18.0);

        // what a store holding W1's records must write after W2: beaten records only
        List<Achievement> writes = AchievementsCalculator.newOrBeaten(afterFirst, afterSecond);
        assertThat(writes).extracting(Achievement::type, Achievement::exerciseName, Achievement::value)
                .containsExactly(
                        tuple(AchievementType.LONGEST_WORKOUT, "", 60.0),        // 60 > 45
                        tuple(AchievementType.BEST_FORM_SCORE, "push_up", 85.0), // 85 > 80
                        tuple(AchievementType.MOST_REPS, "push_up", 18.0));     // 18 > 12
        // not rewritten: 350 kcal < 400, plank form unchanged, plank hold 45 s < 60 s, squat reps unchanged

        // W3 ties push-ups and beats calories and the plank hold
        List<Achievement> afterThird = compute(List.of(W1, W2, W3));
        assertThat(AchievementsCalculator.newOrBeaten(afterSecond, afterThird))
                .extracting(Achievement::type, Achievement::exerciseName, Achievement::value)
                .containsExactly(
                        tuple(AchievementType.MOST_CALORIES, "", 500.0),
                        tuple(AchievementType.LONGEST_HOLD, "plank", 90.0));
    }

    @Test
    void milestonesAreReachedOnceOnTheDayTheStreakGetsLongEnough() {
        List<WorkoutFacts> history = new ArrayList<>();
        for (String day : List.of("2025-06-01", "2025-06-02")) {
            history.add(WorkoutBuilder.at(BERLIN, day + "T18:00").minutes(30).build());
        }
        WorkoutFacts thirdDayLate = WorkoutBuilder.at(BERLIN, "2025-06-03T18:00").minutes(30).build();
        WorkoutFacts thirdDayEarly = WorkoutBuilder.at(BERLIN, "2025-06-03T07:00").minutes(30).build();
        history.add(thirdDayLate);
        history.add(thirdDayEarly);
        // 4 June off; 5-11 June: 7 more days (a second 3-day mark on 7 June, a 7-day mark on 11 June)
        WorkoutFacts seventhDay = null;
        for (int d = 5; d <= 11; d++) {
            WorkoutFacts w = WorkoutBuilder.at(BERLIN, String.format("2025-06-%02dT18:00", d)).minutes(30).build();
            history.add(w);
            seventhDay = w;
        }
        Collections.shuffle(history, new Random(7));

        List<Achievement> milestones = compute(history).stream().filter(a -> a.type().milestone()).toList();

        assertThat(milestones)
                .extracting(Achievement::type, Achievement::value, Achievement::unit, Achievement::workoutId,
                        Achievement::achievedAt)
                .containsExactly(
                        // the first workout of 3 June made the third day count
                        tuple(AchievementType.STREAK_3_DAYS, 3.0, "days", thirdDayEarly.id(), at("2025-06-03T07:00")),
                        tuple(AchievementType.STREAK_7_DAYS, 7.0, "days", seventhDay.id(), at("2025-06-11T18:00")));
    }

    @Test
    void everyMilestoneOfAHundredDayStreak() {
        List<WorkoutFacts> history = new ArrayList<>();
        LocalDate first = LocalDate.parse("2025-01-01");
        for (int i = 0; i < 100; i++) {
            history.add(WorkoutBuilder.at(BERLIN, first.plusDays(i) + "T07:00").minutes(30).build());
        }
        Instant now = at("2025-04-10T20:00");
        // day n of a streak starting 1 January: 3 -> 3 Jan, 7 -> 7 Jan, 14 -> 14 Jan, 30 -> 30 Jan,
        // 60 -> 1 Mar (31 + 28 = 59 days to the end of February), 100 -> 10 Apr (31 + 28 + 31 = 90)
        assertThat(AchievementsCalculator.compute(history, BERLIN, now).stream()
                .filter(a -> a.type().milestone()).toList())
                .extracting(Achievement::type, Achievement::achievedAt)
                .containsExactly(
                        tuple(AchievementType.STREAK_3_DAYS, at("2025-01-03T07:00")),
                        tuple(AchievementType.STREAK_7_DAYS, at("2025-01-07T07:00")),
                        tuple(AchievementType.STREAK_14_DAYS, at("2025-01-14T07:00")),
                        tuple(AchievementType.STREAK_30_DAYS, at("2025-01-30T07:00")),
                        tuple(AchievementType.STREAK_60_DAYS, at("2025-03-01T07:00")),
                        tuple(AchievementType.STREAK_100_DAYS, at("2025-04-10T07:00")));
        // the 30 March clock change (day 89) did not break the run
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, now).longestWorkoutStreak()).isEqualTo(100);
    }

    @Test
    void aMilestoneAlreadyHeldIsNeverRewritten() {
        Achievement held = new Achievement(AchievementType.STREAK_3_DAYS, "", 3, "days", null,
                Instant.parse("2024-01-03T06:00:00Z"));
        Achievement again = new Achievement(AchievementType.STREAK_3_DAYS, "", 3, "days", null,
                Instant.parse("2025-06-03T05:00:00Z"));
        Achievement next = new Achievement(AchievementType.STREAK_7_DAYS, "", 7, "days", null,
                Instant.parse("2025-06-07T05:00:00Z"));
        assertThat(AchievementsCalculator.newOrBeaten(List.of(held), List.of(again, next))).containsExactly(next);
        assertThat(AchievementsCalculator.newOrBeaten(null, List.of(again))).containsExactly(again);
        assertThat(AchievementsCalculator.newOrBeaten(List.of(held), null)).isEmpty();
    }

    @Test
    void milestoneSpanningTheSpringClockChange() {
        List<WorkoutFacts> history = new ArrayList<>();
        for (int d = 27; d <= 31; d++) {
            history.add(WorkoutBuilder.at(BERLIN, "2025-03-" + d + "T23:30").minutes(30).build());
        }
        history.add(WorkoutBuilder.at(BERLIN, "2025-04-01T23:30").minutes(30).build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-04-02T23:30").minutes(30).build());
        List<Achievement> milestones = AchievementsCalculator.compute(history, BERLIN, at("2025-04-03T08:00"))
                .stream().filter(a -> a.type().milestone()).toList();
        // 27 March + 6 days = 2 April: 23:30 CEST = 21:30Z
        assertThat(milestones).extracting(Achievement::type, Achievement::achievedAt).containsExactly(
                tuple(AchievementType.STREAK_3_DAYS, Instant.parse("2025-03-29T22:30:00Z")),
                tuple(AchievementType.STREAK_7_DAYS, Instant.parse("2025-04-02T21:30:00Z")));
    }

    @Test
    void noWorkoutsNoAchievements() {
        assertThat(compute(List.of())).isEmpty();
        assertThat(compute(null)).isEmpty();
        assertThat(compute(List.of(OPEN, FUTURE))).isEmpty();
    }

    @Test
    void unnamedExercisesAndZeroValuesAreNotRecords() {
        WorkoutFacts w = WorkoutBuilder.at(BERLIN, "2025-06-10T10:00").minutes(0).calories(0.0)
                .exercise("  ", 30, null, 90.0, null)
                .exercise(null, 30, null, 90.0, null)
                .exercise("Burpees", 0, null, null, null)
                .exercise("Kettlebell Swing", 25, null, 77.5, null)
                .build();
        assertThat(compute(List.of(w)))
                .extracting(Achievement::type, Achievement::exerciseName, Achievement::value)
                .containsExactly(
                        tuple(AchievementType.BEST_FORM_SCORE, "kettlebell swing", 77.5),
                        tuple(AchievementType.MOST_REPS, "kettlebell swing", 25.0));
    }

    private static Achievement find(List<Achievement> achievements, AchievementType type, String exercise) {
        return achievements.stream().filter(a -> a.type() == type && a.exerciseName().equals(exercise))
                .findFirst().orElseThrow();
    }

    @Test
    void wireNamesRoundTrip() {
        for (AchievementType type : AchievementType.values()) {
            assertThat(AchievementType.fromWireName(type.wireName())).contains(type);
            // user_achievements.achievement_type is varchar(50)
            assertThat(type.wireName().length()).isLessThanOrEqualTo(50);
        }
        assertThat(AchievementType.fromWireName("fastest_mile")).isEmpty();
    }
}
