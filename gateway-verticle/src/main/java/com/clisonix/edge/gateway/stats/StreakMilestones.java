package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Streak milestones (3, 7, 14, 30, 60 and 100 days) reached in a history.
 *
 * <p>A milestone is reached on the first local day whose streak, counted as in
 * {@link StreakCalculator}, has the milestone's length. It is awarded once: a later streak of the
 * same length after a break does not award it again. Its time and workout are those of the first
 * workout started on that day, the one that made the day count.
 */
final class StreakMilestones {

    private StreakMilestones() {
    }

    /** The milestones reached in {@code counted}, which must be in chronological order. */
    static List<Achievement> of(List<CountedWorkout> counted) {
        Map<LocalDate, CountedWorkout> firstOfDay = new TreeMap<>();
        for (CountedWorkout workout : counted) {
            firstOfDay.putIfAbsent(workout.localDay(), workout);
        }
        NavigableMap<LocalDate, Integer> runs = StreakCalculator.runLengths(firstOfDay.keySet());
        List<Achievement> reached = new ArrayList<>();
        for (AchievementType type : AchievementType.values()) {
            if (!type.milestone()) {
                continue;
            }
            for (Map.Entry<LocalDate, Integer> day : runs.entrySet()) {
                if (day.getValue() == type.milestoneDays()) {
                    WorkoutFacts facts = firstOfDay.get(day.getKey()).facts();
                    reached.add(new Achievement(type, "", type.milestoneDays(), type.unit(),
                            facts.id(), facts.startedAt()));
                    break;
                }
            }
        }
        return reached;
    }
}
