package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Streaks of consecutive calendar days with at least one workout.
 *
 * <p>The calculator works on {@link LocalDate}s, never on instants: a day is a day in the gym's
 * calendar whether it lasts 23, 24 or 25 hours, so the spring and autumn clock changes neither
 * break a streak nor count a day twice, and a late-evening workout belongs to the local day even
 * when UTC has already moved on. Several workouts on one day count as one day.
 *
 * <p>The current streak is the one ending today or yesterday: today is not over, so a streak that
 * reached yesterday is still alive until the athlete fails to train by tonight's midnight.
 */
public final class StreakCalculator {

    private StreakCalculator() {
    }

    /**
     * Current and longest streak.
     *
     * @param activeDays local dates with at least one workout, in any order, duplicates allowed;
     *                   null entries and days after {@code today} are ignored
     * @param today      the local date of "now" in the gym's zone (not null)
     */
    public static Streaks compute(Collection<LocalDate> activeDays, LocalDate today) {
        Objects.requireNonNull(today, "today");
        NavigableMap<LocalDate, Integer> runs = runLengths(upTo(activeDays, today));
        if (runs.isEmpty()) {
            return Streaks.NONE;
        }
        int longest = Collections.max(runs.values());
        int current = runs.getOrDefault(today, runs.getOrDefault(today.minusDays(1), 0));
        return new Streaks(current, longest);
    }

    /**
     * For every active day, the length of the streak that ends on it (1 for a day whose previous
     * day had no workout). The map is ordered by date; it is what streak milestones are read from.
     */
    static NavigableMap<LocalDate, Integer> runLengths(Collection<LocalDate> activeDays) {
        NavigableMap<LocalDate, Integer> runs = new TreeMap<>();
        if (activeDays == null) {
            return runs;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        activeDays.stream().filter(Objects::nonNull).forEach(days::add);
        LocalDate previous = null;
        int length = 0;
        for (LocalDate day : days) {
            length = previous != null && previous.plusDays(1).equals(day) ? length + 1 : 1;
            runs.put(day, length);
            previous = day;
        }
        return runs;
    }

    private static Collection<LocalDate> upTo(Collection<LocalDate> days, LocalDate today) {
        if (days == null) {
            return List.of();
        }
        return days.stream().filter(d -> d != null && !d.isAfter(today)).toList();
    }
}
