package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streaks of consecutive local calendar days (fitness-module-spec.md, FitnessStats:
 * current_workout_streak "consecutive days", longest_workout_streak; Key Features: streaks).
 */
class StreaksTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Streaks streaks(List<WorkoutFacts> history, ZoneId zone, Instant now) {
        FitnessStats stats = FitnessStatsCalculator.compute(history, zone, now);
        return new Streaks(stats.currentWorkoutStreak(), stats.longestWorkoutStreak());
    }

    /** One 30-minute workout at {@code time} local on each of the given days. */
    private static List<WorkoutFacts> dailyAt(ZoneId zone, String time, String... days) {
        List<WorkoutFacts> history = new ArrayList<>();
        for (String day : days) {
            history.add(WorkoutBuilder.at(zone, day + "T" + time).minutes(30).build());
        }
        return history;
    }

    @Test
    void severalWorkoutsOnOneDayCountOnce() {
        List<WorkoutFacts> history = new ArrayList<>(dailyAt(BERLIN, "07:00", "2025-06-02", "2025-06-03"));
        history.addAll(dailyAt(BERLIN, "12:00", "2025-06-03"));
        history.addAll(dailyAt(BERLIN, "19:00", "2025-06-03"));
        Streaks result = streaks(history, BERLIN, local(BERLIN, "2025-06-03T21:00"));
        // 4 workouts on 2 days: a 2-day streak, ending today
        assertThat(result).isEqualTo(new Streaks(2, 2));
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, local(BERLIN, "2025-06-03T21:00"))
                .totalWorkouts()).isEqualTo(4);
    }

    @Test
    void gapsSplitStreaksAndTheLongestIsKept() {
        // runs: 1-3 June (3 days), 5-6 June (2), 8 June (1)
        List<WorkoutFacts> history = dailyAt(BERLIN, "08:00",
                "2025-06-01", "2025-06-02", "2025-06-03", "2025-06-05", "2025-06-06", "2025-06-08");
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-06-08T09:00"))).isEqualTo(new Streaks(1, 3));
        // 6 June is two days before 8 June: the 5-6 June run is no longer current
        assertThat(streaks(history.subList(0, 5), BERLIN, local(BERLIN, "2025-06-08T09:00")))
                .isEqualTo(new Streaks(0, 3));
    }

    @Test
    void aStreakEndingYesterdayIsStillCurrent() {
        List<WorkoutFacts> history = dailyAt(BERLIN, "18:00", "2025-06-02", "2025-06-03", "2025-06-04");
        // today 5 June, nothing yet: the day is not over, the 3-day run (ends 4 June) still counts
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-06-05T23:59"))).isEqualTo(new Streaks(3, 3));
        // today 6 June: the run ended two days ago -> broken
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-06-06T00:01"))).isEqualTo(new Streaks(0, 3));
    }

    @Test
    void springForwardInBerlinNeitherBreaksNorDoublesADay() {
        // Europe/Berlin moves from CET to CEST on the last Sunday of March: 2025-03-30 lasts 23 h.
        // Workouts every evening at 23:30 local, 27 March to 2 April: 7 calendar days.
        List<WorkoutFacts> history = dailyAt(BERLIN, "23:30", "2025-03-27", "2025-03-28", "2025-03-29",
                "2025-03-30", "2025-03-31", "2025-04-01", "2025-04-02");
        // 23:30 CEST on 30 March is 21:30Z, 23 hours after 23:30 CET on 29 March (22:30Z)
        assertThat(local(BERLIN, "2025-03-30T23:30")).isEqualTo(Instant.parse("2025-03-30T21:30:00Z"));
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-04-03T10:00"))).isEqualTo(new Streaks(7, 7));
    }

    @Test
    void fallBackInBerlinNeitherBreaksNorDoublesADay() {
        // The last Sunday of October (2025-10-26) lasts 25 h in Europe/Berlin; 02:00-03:00 happens twice.
        List<WorkoutFacts> history = new ArrayList<>(dailyAt(BERLIN, "00:30",
                "2025-10-24", "2025-10-25", "2025-10-26", "2025-10-27", "2025-10-28"));
        // on 26 October: 02:30 before the change (CEST, 00:30Z), 02:30 after it (CET, 01:30Z), and
        // 23:45 (22:45Z) - 24 h 15 min after the 00:30 workout (25 Oct 22:30Z) yet the same local day
        LocalDateTime twoThirty = LocalDateTime.parse("2025-10-26T02:30");
        history.add(WorkoutBuilder.at(ZonedDateTime.ofLocal(twoThirty, BERLIN, ZoneOffset.ofHours(2)).toInstant())
                .minutes(20).build());
        history.add(WorkoutBuilder.at(ZonedDateTime.ofLocal(twoThirty, BERLIN, ZoneOffset.ofHours(2))
                .withLaterOffsetAtOverlap().toInstant()).minutes(20).build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-10-26T23:45").minutes(20).build());
        assertThat(history.get(6).startedAt()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));

        Instant now = local(BERLIN, "2025-10-28T12:00");
        assertThat(streaks(history, BERLIN, now)).isEqualTo(new Streaks(5, 5));
        assertThat(FitnessStatsCalculator.compute(history, BERLIN, now).totalWorkouts()).isEqualTo(8);
    }

    @Test
    void dstChangesInNewYorkNeitherBreakNorDoubleADay() {
        // America/New_York: spring forward on 2025-03-09, fall back on 2025-11-02.
        // 23:30 local is already the next day in UTC (04:30Z in EST, 03:30Z in EDT).
        List<WorkoutFacts> spring = dailyAt(NEW_YORK, "23:30",
                "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10", "2025-03-11");
        assertThat(spring.get(0).startedAt()).isEqualTo(Instant.parse("2025-03-08T04:30:00Z"));
        assertThat(spring.get(4).startedAt()).isEqualTo(Instant.parse("2025-03-12T03:30:00Z"));
        assertThat(streaks(spring, NEW_YORK, local(NEW_YORK, "2025-03-11T23:59"))).isEqualTo(new Streaks(5, 5));

        List<WorkoutFacts> autumn = dailyAt(NEW_YORK, "23:30",
                "2025-10-31", "2025-11-01", "2025-11-02", "2025-11-03", "2025-11-04");
        assertThat(streaks(autumn, NEW_YORK, local(NEW_YORK, "2025-11-05T08:00"))).isEqualTo(new Streaks(5, 5));
    }

    @Test
    void aLateEveningWorkoutBelongsToTheLocalDayNotTheUtcDay() {
        // Monday 10 Nov 2025 23:30 in New York is Tuesday 04:30Z; the Tuesday 18:00 workout is 23:00Z.
        // Both fall on the same UTC day but on two consecutive local days.
        List<WorkoutFacts> history = List.of(
                WorkoutBuilder.at(NEW_YORK, "2025-11-10T23:30").minutes(30).build(),
                WorkoutBuilder.at(NEW_YORK, "2025-11-11T18:00").minutes(30).build());
        assertThat(history.get(0).startedAt()).isEqualTo(Instant.parse("2025-11-11T04:30:00Z"));
        assertThat(history.get(1).startedAt()).isEqualTo(Instant.parse("2025-11-11T23:00:00Z"));
        // Wednesday morning: the 2-day run ended yesterday
        assertThat(streaks(history, NEW_YORK, local(NEW_YORK, "2025-11-12T09:00"))).isEqualTo(new Streaks(2, 2));
        // Wednesday 23:45 local is already Thursday in UTC; locally it is still "today = Wednesday"
        assertThat(streaks(history, NEW_YORK, Instant.parse("2025-11-13T04:45:00Z"))).isEqualTo(new Streaks(2, 2));
        // in UTC the same two workouts would be one day: the zone really decides
        assertThat(streaks(history, ZoneOffset.UTC, Instant.parse("2025-11-12T09:00:00Z")))
                .isEqualTo(new Streaks(1, 1));
    }

    @Test
    void anEarlyMorningWorkoutInBerlinIsYesterdayInUtcButCountsLocally() {
        // 00:30 CEST on 7 June is 22:30Z on 6 June: with a workout at 20:00 on 6 June (18:00Z) UTC
        // would see one day, Berlin sees two.
        List<WorkoutFacts> history = List.of(
                WorkoutBuilder.at(BERLIN, "2025-06-06T20:00").minutes(30).build(),
                WorkoutBuilder.at(BERLIN, "2025-06-07T00:30").minutes(30).build());
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-06-07T09:00"))).isEqualTo(new Streaks(2, 2));
    }

    @Test
    void openWorkoutsDoNotKeepAStreakAlive() {
        List<WorkoutFacts> history = new ArrayList<>(dailyAt(BERLIN, "08:00", "2025-06-01", "2025-06-02"));
        // started on 3 and 4 June but never ended (forgotten): not counted
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-03T08:00").open().build());
        history.add(WorkoutBuilder.at(BERLIN, "2025-06-04T08:00").open().build());
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-06-04T12:00"))).isEqualTo(new Streaks(0, 2));
    }

    @Test
    void theCalculatorIgnoresNullsDuplicatesAndFutureDays() {
        LocalDate today = LocalDate.parse("2025-06-10");
        List<LocalDate> days = Arrays.asList(null, LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-10"),
                LocalDate.parse("2025-06-10"), LocalDate.parse("2025-06-11"), LocalDate.parse("2025-06-12"));
        // 11 and 12 June are after today: ignored, so the run is 9-10 June
        assertThat(StreakCalculator.compute(days, today)).isEqualTo(new Streaks(2, 2));
        assertThat(StreakCalculator.compute(List.of(), today)).isEqualTo(Streaks.NONE);
        assertThat(StreakCalculator.compute(null, today)).isEqualTo(Streaks.NONE);
    }

    @Test
    void streaksCrossMonthAndYearEnds() {
        List<WorkoutFacts> history = dailyAt(BERLIN, "10:00",
                "2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02");
        assertThat(streaks(history, BERLIN, local(BERLIN, "2025-01-02T18:00"))).isEqualTo(new Streaks(4, 4));
        // 2024 is a leap year: 28 Feb, 29 Feb, 1 Mar are consecutive
        List<WorkoutFacts> leap = dailyAt(BERLIN, "10:00", "2024-02-28", "2024-02-29", "2024-03-01");
        assertThat(streaks(leap, BERLIN, local(BERLIN, "2024-03-01T18:00"))).isEqualTo(new Streaks(3, 3));
    }
}
