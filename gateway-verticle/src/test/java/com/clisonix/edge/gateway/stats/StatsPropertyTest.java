package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for any history: random histories from fixed seeds (reproducible),
 * in zones with clock changes, half-hour offsets and a 30-minute DST shift (Lord Howe Island).
 */
class StatsPropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Auckland"));
    private static final Instant BASE = Instant.parse("2025-01-15T00:00:00Z");
    private static final int RUNS = 300;

    private record Case(List<WorkoutFacts> history, ZoneId zone, Instant now) {
    }

    private static Case randomCase(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        // "now" somewhere in a year that crosses both clock changes of every zone above
        Instant now = BASE.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        int count = random.nextInt(60);
        List<WorkoutFacts> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(randomWorkout(random, now));
        }
        return new Case(history, zone, now);
    }

    private static WorkoutFacts randomWorkout(Random random, Instant now) {
        // mostly in the 90 days before now, some a little after it
        Instant start = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)))
                .plus(Duration.ofMinutes(random.nextInt(10) == 0 ? random.nextInt(3 * 24 * 60) : 0));
        int minutes = random.nextInt(150);
        Instant end = switch (random.nextInt(12)) {
            case 0 -> null;                                   // open
            case 1 -> start.minus(Duration.ofMinutes(5));     // inconsistent
            default -> start.plus(Duration.ofMinutes(minutes));
        };
        List<ExerciseFacts> exercises = new ArrayList<>();
        String[] names = {"Push-ups", "squat", "Planks", "deadlift", "Burpees", null};
        for (int e = random.nextInt(4); e > 0; e--) {
            exercises.add(new ExerciseFacts(names[random.nextInt(names.length)],
                    random.nextBoolean() ? random.nextInt(40) : null,
                    random.nextBoolean() ? random.nextInt(40) : null,
                    random.nextBoolean() ? random.nextInt(101) * 1.0 : null,
                    random.nextBoolean() ? random.nextInt(300) : null));
        }
        return new WorkoutFacts(new UUID(random.nextLong(), random.nextLong()), start, end,
                random.nextInt(4) == 0 ? null : minutes,
                random.nextInt(5) == 0 ? null : random.nextInt(900) + random.nextInt(10) / 10.0,
                random.nextInt(4) == 0 ? null : 80.0 + random.nextInt(100),
                random.nextInt(4) == 0 ? null : 120.0 + random.nextInt(90),
                random.nextBoolean() ? null : random.nextInt(200) / 10.0,
                random.nextBoolean() ? null : random.nextInt(20000),
                random.nextBoolean(), exercises);
    }

    @Test
    void inputOrderDoesNotMatter() {
        Random random = new Random(20250330L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            List<WorkoutFacts> shuffled = new ArrayList<>(c.history());
            Collections.shuffle(shuffled, random);
            assertThat(FitnessStatsCalculator.compute(shuffled, c.zone(), c.now()))
                    .isEqualTo(FitnessStatsCalculator.compute(c.history(), c.zone(), c.now()));
            assertThat(AchievementsCalculator.compute(shuffled, c.zone(), c.now()))
                    .isEqualTo(AchievementsCalculator.compute(c.history(), c.zone(), c.now()));
        }
    }

    @Test
    void openAndFutureWorkoutsChangeNothing() {
        Random random = new Random(20251026L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            List<WorkoutFacts> more = new ArrayList<>(c.history());
            more.add(new WorkoutFacts(UUID.randomUUID(), c.now().minus(Duration.ofHours(1)), null, 60, 500.0,
                    150.0, 190.0, 5.0, 5000, true, List.of(new ExerciseFacts("squat", 99, 99, 99.0, 99))));
            more.add(new WorkoutFacts(UUID.randomUUID(), c.now().plusSeconds(1), c.now().plusSeconds(7200), 120,
                    900.0, 150.0, 199.0, 5.0, 5000, true, List.of()));
            assertThat(FitnessStatsCalculator.compute(more, c.zone(), c.now()))
                    .isEqualTo(FitnessStatsCalculator.compute(c.history(), c.zone(), c.now()));
            assertThat(AchievementsCalculator.compute(more, c.zone(), c.now()))
                    .isEqualTo(AchievementsCalculator.compute(c.history(), c.zone(), c.now()));
        }
    }

    @Test
    void streaksStayWithinTheirBounds() {
        Random random = new Random(20250309L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            FitnessStats stats = FitnessStatsCalculator.compute(c.history(), c.zone(), c.now());
            List<WorkoutFacts> counted = c.history().stream()
                    .filter(w -> w.endedAt() != null && !w.startedAt().isAfter(c.now())
                            && !w.endedAt().isBefore(w.startedAt()))
                    .toList();
            Set<LocalDate> days = counted.stream().map(w -> w.startedAt().atZone(c.zone()).toLocalDate())
                    .collect(Collectors.toSet());
            LocalDate today = c.now().atZone(c.zone()).toLocalDate();

            assertThat(stats.totalWorkouts()).isEqualTo(counted.size());
            assertThat(stats.currentWorkoutStreak()).isBetween(0, stats.longestWorkoutStreak());
            assertThat(stats.longestWorkoutStreak()).isBetween(counted.isEmpty() ? 0 : 1, days.size());
            // a current streak needs a workout today or yesterday, and one of those days implies it
            boolean recent = days.contains(today) || days.contains(today.minusDays(1));
            assertThat(stats.currentWorkoutStreak() > 0).isEqualTo(recent);
            // the current streak's days are all there, and the day before it is not
            if (stats.currentWorkoutStreak() > 0) {
                LocalDate last = days.contains(today) ? today : today.minusDays(1);
                for (int d = 0; d < stats.currentWorkoutStreak(); d++) {
                    assertThat(days).contains(last.minusDays(d));
                }
                assertThat(days).doesNotContain(last.minusDays(stats.currentWorkoutStreak()));
            }
        }
    }

    @Test
    void derivedFiguresAreConsistent() {
        Random random = new Random(20251102L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            FitnessStats stats = FitnessStatsCalculator.compute(c.history(), c.zone(), c.now());
            List<Achievement> achievements = AchievementsCalculator.compute(c.history(), c.zone(), c.now());

            if (stats.weeklyImprovementPercent() != null) {
                assertThat(stats.weeklyImprovementPercent()).isGreaterThanOrEqualTo(-100.0);
            }
            if (stats.monthlyImprovementPercent() != null) {
                assertThat(stats.monthlyImprovementPercent()).isGreaterThanOrEqualTo(-100.0);
            }
            if (stats.formAccuracyTrend() != null) {
                assertThat(stats.formAccuracyTrend()).isBetween(-100.0, 100.0);
            }
            if (stats.totalWorkouts() > 0) {
                // the average lies between 0 and the longest workout
                assertThat(stats.avgWorkoutDurationMinutes()).isBetween(0.0, stats.longestWorkoutMinutes());
            }
            // the longest-workout record and the statistic agree
            achievements.stream().filter(a -> a.type() == AchievementType.LONGEST_WORKOUT).findFirst()
                    .ifPresentOrElse(
                            a -> assertThat(a.value()).isEqualTo(stats.longestWorkoutMinutes()),
                            () -> assertThat(stats.longestWorkoutMinutes() == null
                                    || stats.longestWorkoutMinutes() == 0.0).isTrue());
            achievements.stream().filter(a -> a.type() == AchievementType.MOST_CALORIES).findFirst()
                    .ifPresent(a -> assertThat(a.value()).isLessThanOrEqualTo(stats.totalCaloriesBurned() + 0.05));
            // a milestone is held exactly when the longest streak reached it, and they come in date order
            List<Achievement> milestones = achievements.stream().filter(a -> a.type().milestone()).toList();
            for (AchievementType type : AchievementType.values()) {
                if (type.milestone()) {
                    boolean held = milestones.stream().anyMatch(a -> a.type() == type);
                    assertThat(held).isEqualTo(stats.longestWorkoutStreak() >= type.milestoneDays());
                }
            }
            for (int i = 1; i < milestones.size(); i++) {
                assertThat(milestones.get(i).achievedAt()).isAfter(milestones.get(i - 1).achievedAt());
            }
            // one achievement per identity
            assertThat(achievements.stream().map(a -> a.type() + "/" + a.exerciseName()).distinct().count())
                    .isEqualTo(achievements.size());
            // recomputing gives no writes for a store that already holds the result
            assertThat(AchievementsCalculator.newOrBeaten(achievements, achievements)).isEmpty();
        }
    }
}
