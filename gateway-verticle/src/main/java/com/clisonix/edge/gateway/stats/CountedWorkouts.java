package com.clisonix.edge.gateway.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which workouts of a history count towards statistics and records.
 *
 * <p>A workout counts when it has started no later than "now" and has ended, with an end no earlier
 * than its start. Open workouts are left out everywhere: their totals are still moving, and a
 * workout that someone forgot to end must not keep a streak alive. The {@code completed} flag is
 * not required: the spec's table defaults it to false and its End Workout call makes it optional,
 * so requiring it would drop real sessions from clients that never send it.
 *
 * <p>The duration is the stored {@code duration_minutes} when present and not negative (it is what
 * the End Workout call reported and may leave out pauses), otherwise the time between start and
 * end, to the second.
 */
final class CountedWorkouts {

    /** Stable order: by start, then by id, so ties between records resolve the same way every run. */
    static final Comparator<CountedWorkout> CHRONOLOGICAL = Comparator
            .comparing((CountedWorkout w) -> w.facts().startedAt())
            .thenComparing(w -> w.facts().id() == null ? "" : w.facts().id().toString());

    private CountedWorkouts() {
    }

    /**
     * The workouts of {@code history} that count, in chronological order.
     *
     * @param history every workout of one user, in any order; null entries are ignored
     * @param zone    the gym's time zone, which decides each workout's calendar day
     * @param now     the moment the statistics describe
     */
    static List<CountedWorkout> select(List<WorkoutFacts> history, ZoneId zone, Instant now) {
        List<CountedWorkout> counted = new ArrayList<>();
        if (history == null) {
            return counted;
        }
        for (WorkoutFacts workout : history) {
            if (counts(workout, now)) {
                counted.add(new CountedWorkout(workout, minutesOf(workout),
                        workout.startedAt().atZone(zone).toLocalDate()));
            }
        }
        counted.sort(CHRONOLOGICAL);
        return counted;
    }

    /** Whether one workout passes the rules in the class comment. */
    static boolean counts(WorkoutFacts workout, Instant now) {
        return workout != null
                && workout.startedAt() != null
                && workout.endedAt() != null
                && !workout.startedAt().isAfter(now)
                && !workout.endedAt().isBefore(workout.startedAt());
    }

    /** The workout's duration in minutes, for a workout that {@link #counts counts}. */
    static double minutesOf(WorkoutFacts workout) {
        Integer stored = workout.durationMinutes();
        if (stored != null && stored >= 0) {
            return stored;
        }
        return Duration.between(workout.startedAt(), workout.endedAt()).toSeconds() / 60.0;
    }
}
