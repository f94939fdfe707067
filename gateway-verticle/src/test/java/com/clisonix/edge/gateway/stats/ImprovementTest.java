package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * weekly_improvement_percent, monthly_improvement_percent and form_accuracy_trend
 * (fitness-module-spec.md, FitnessStats; "Analytics Dashboard: progress tracking"). Volume is
 * active minutes by local day of start; the windows are described in docs/stats.md.
 */
class ImprovementTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 18 June 2025, noon in Berlin. */
    private static final Instant NOW = at("2025-06-18T12:00");

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static WorkoutFacts workout(String localStart, int minutes) {
        return WorkoutBuilder.at(BERLIN, localStart).minutes(minutes).build();
    }

    private static List<WorkoutFacts> history() {
        List<WorkoutFacts> history = new ArrayList<>();
        // weekly windows: recent 12-18 June, earlier 5-11 June
        history.add(workout("2025-06-04T10:00", 90));   // before the earlier week
        history.add(workout("2025-06-05T07:00", 60));   // earlier week
        history.add(workout("2025-06-08T10:00", 40));   // earlier week
        history.add(workout("2025-06-11T23:30", 30));   // earlier week (last evening)
        history.add(workout("2025-06-12T00:15", 45));   // recent week, although 11 June 22:15 in UTC
        history.add(workout("2025-06-15T10:00", 50));   // recent week
        history.add(workout("2025-06-18T08:00", 60));   // recent week, today
        history.add(workout("2025-06-18T14:00", 60));   // after now: not counted
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-17T09:00").open().build()); // open: not counted
        // monthly windows: recent 20 May - 18 June, earlier 20 April - 19 May (30 days each)
        history.add(workout("2025-05-19T20:00", 100));  // earlier month, last day
        history.add(workout("2025-05-20T06:00", 25));   // recent month, first day
        history.add(workout("2025-04-20T09:00", 80));   // earlier month, first day
        history.add(workout("2025-04-19T09:00", 500));  // before the earlier month
        return history;
    }

    @Test
    void weeklyImprovementComparesTheLastSevenLocalDaysWithTheSevenBefore() {
        // earlier week 60 + 40 + 30 = 130 min; recent week 45 + 50 + 60 = 155 min
        // (155 - 130) / 130 * 100 = 19.23 -> 19.2
        assertThat(FitnessStatsCalculator.compute(history(), BERLIN, NOW).weeklyImprovementPercent())
                .isEqualTo(19.2);
    }

    @Test
    void monthlyImprovementComparesTheLastThirtyLocalDaysWithTheThirtyBefore() {
        // recent month: 90 + 60 + 40 + 30 + 45 + 50 + 60 + 25 = 400 min; earlier month: 100 + 80 = 180
        // (400 - 180) / 180 * 100 = 122.22 -> 122.2
        assertThat(FitnessStatsCalculator.compute(history(), BERLIN, NOW).monthlyImprovementPercent())
                .isEqualTo(122.2);
    }

    @Test
    void noEarlierVolumeMeansNoImprovementFigure() {
        List<WorkoutFacts> recentOnly = List.of(workout("2025-06-16T10:00", 40), workout("2025-06-17T10:00", 40));
        FitnessStats stats = FitnessStatsCalculator.compute(recentOnly, BERLIN, NOW);
        assertThat(stats.weeklyImprovementPercent()).isNull();
        assertThat(stats.monthlyImprovementPercent()).isNull();

        // an earlier week with only zero-minute workouts has no volume either: no division by zero
        List<WorkoutFacts> zeroEarlier = List.of(workout("2025-06-06T10:00", 0), workout("2025-06-16T10:00", 40));
        assertThat(FitnessStatsCalculator.compute(zeroEarlier, BERLIN, NOW).weeklyImprovementPercent()).isNull();
    }

    @Test
    void aWeekWithoutTrainingAfterAnActiveOneIsMinusOneHundred() {
        List<WorkoutFacts> history = List.of(workout("2025-06-09T10:00", 45));
        // recent 0, earlier 45: (0 - 45) / 45 * 100 = -100.0
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, NOW).weeklyImprovementPercent())
                .isEqualTo(-100.0);
    }

    @Test
    void weeklyWindowsAreCalendarDaysAcrossTheSpringClockChange() {
        Instant now = at("2025-04-02T12:00");
        // recent week 27 March - 2 April holds 30 March (23 h long); earlier week 20-26 March
        List<WorkoutFacts> history = List.of(
                workout("2025-03-26T23:30", 30),   // earlier: 22:30Z on 26 March
                workout("2025-03-27T00:30", 30),   // recent
                workout("2025-03-30T12:00", 15));  // recent
        // recent 30 + 15 = 45, earlier 30: (45 - 30) / 30 * 100 = 50.0
        // (seven 24-hour blocks back from now would reach 26 March 11:00 and count 23:30 as recent)
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, now).weeklyImprovementPercent())
                .isEqualTo(50.0);
    }

    @Test
    void formTrendComparesEachExerciseWithItself() {
        List<WorkoutFacts> history = new ArrayList<>();
        // recent month (20 May - 18 June)
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-10T10:00").minutes(40)
                .scored("Squats", 80).scored("push-up", 70).scored("Lunges", 60)
                .scored("squat", 0.0) // never scored (the column's default): ignored
                .build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-15T10:00").minutes(40)
                .scored("squat", 90).scored("Bicep curl", 150) // above 100: ignored
                .build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-17T10:00").open().scored("squat", 10).build());
        // earlier month (20 April - 19 May)
        history.add(WorkoutBuilder.at(BERLIN, "2025-05-01T10:00").minutes(40)
                .scored("squat", 75).scored("Push-ups", 60).build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-05-10T10:00").minutes(40)
                .scored("pushups", 80).scored("plank", 50).build());

        // squat: recent (80 + 90) / 2 = 85 vs 75 -> +10, weight 2
        // push_up: recent 70 vs earlier (60 + 80) / 2 = 70 -> 0, weight 1
        // lunge only recent, plank only earlier: left out
        // (2 * 10 + 1 * 0) / 3 = 6.67 -> 6.7  (plain means would give 75 - 66.25 = 8.75)
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, NOW).formAccuracyTrend()).isEqualTo(6.7);
    }

    @Test
    void formTrendIsNegativeWhenFormGetsWorseAndNullWithoutAComparison() {
        List<WorkoutFacts> worse = List.of(
                WorkoutBuilder.at(BERLIN, "2025-05-05T10:00").minutes(30).scored("deadlift", 82.5).build(),
                WorkoutBuilder.at(BERLIN, "2025-06-05T10:00").minutes(30).scored("Deadlifts", 71.0).build());
        // 71.0 - 82.5 = -11.5
        assertThat(FitnessStatsCalculator.compute(worse, BERLIN, NOW).formAccuracyTrend()).isEqualTo(-11.5);

        List<WorkoutFacts> recentOnly = List.of(
                WorkoutBuilder.at(BERLIN, "2025-06-05T10:00").minutes(30).scored("deadlift", 71.0).build());
        assertThat(FitnessStatsCalculator.compute(recentOnly, BERLIN, NOW).formAccuracyTrend()).isNull();
    }
}
