package com.clisonix.edge.gateway.stats;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Personal records and streak milestones of a user, computed from their workout history.
 *
 * <p>Deterministic like {@link FitnessStatsCalculator} and built on the same rules for which
 * workouts count ({@link CountedWorkouts}) and how days are counted ({@link StreakCalculator}).
 * Kinds and units are listed in {@link AchievementType}; how records change hands in
 * {@link PersonalRecords}; milestones in {@link StreakMilestones}.
 *
 * <p>The list from {@link #compute} is the complete, authoritative set for the history given.
 * {@link #newOrBeaten} serves a store that keeps one row per identity: it picks the achievements
 * that must be written (new identities, records beaten) and leaves milestones already held alone.
 */
public final class AchievementsCalculator {

    /** Output order: by kind as declared, then by exercise name. */
    private static final Comparator<Achievement> ORDER = Comparator
            .comparing(Achievement::type)
            .thenComparing(Achievement::exerciseName);

    private AchievementsCalculator() {
    }

    /**
     * Every achievement of the history: one current holder per record identity and every milestone
     * reached, ordered by kind then exercise name.
     *
     * @param history every workout of the user, in any order (null: none); open ones are ignored
     * @param zone    the gym's time zone, which decides calendar days for streaks
     * @param now     workouts that start after this moment are ignored
     * @throws NullPointerException when {@code zone} or {@code now} is null (a caller error, not data)
     */
    public static List<Achievement> compute(List<WorkoutFacts> history, ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        List<CountedWorkout> counted = CountedWorkouts.select(history, zone, now);
        List<Achievement> all = new ArrayList<>(PersonalRecords.of(counted));
        all.addAll(StreakMilestones.of(counted));
        all.sort(ORDER);
        return all;
    }

    /**
     * The achievements of {@code computed} that a store holding {@code stored} must write: those
     * whose identity it does not hold yet, and records whose value is strictly higher than the
     * stored one. A milestone already held is never rewritten (it keeps its first date), and an
     * equal or lower record is not a new record. Null entries are ignored.
     */
    public static List<Achievement> newOrBeaten(Collection<Achievement> stored,
                                                Collection<Achievement> computed) {
        List<Achievement> writes = new ArrayList<>();
        if (computed == null) {
            return writes;
        }
        Collection<Achievement> held = stored == null ? List.of() : stored;
        for (Achievement candidate : computed) {
            if (candidate == null || candidate.type() == null) {
                continue;
            }
            Achievement existing = held.stream().filter(candidate::sameKind).findFirst().orElse(null);
            if (existing == null
                    || (!candidate.type().milestone() && candidate.value() > existing.value())) {
                writes.add(candidate);
            }
        }
        writes.sort(ORDER);
        return writes;
    }
}
