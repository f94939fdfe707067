package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Week-over-week and month-over-month change in training volume.
 *
 * <p>Training volume is the total active minutes of the counted workouts that started in a window.
 * Minutes are used rather than calories because every counted workout has a duration, while calories
 * depend on a heart-rate strap and a complete profile; a member who trains without a strap would
 * otherwise show a meaningless change.
 *
 * <p>The recent window is the last {@code n} local days including today (today's workouts so far
 * count at once, so the figure moves as soon as a workout ends); the earlier window is the
 * {@code n} days before it. The change is {@code (recent - earlier) / earlier * 100}, rounded to
 * one decimal. When the earlier window has no volume there is nothing to compare with and the
 * result is null: no division by zero and no made-up "+100 %".
 */
final class ImprovementCalculator {

    /** Length of the weekly comparison windows, in local days. */
    static final int WEEK_DAYS = 7;
    /** Length of the monthly comparison windows, in local days. */
    static final int MONTH_DAYS = 30;

    private ImprovementCalculator() {
    }

    /**
     * Percent change of training volume between the last {@code windowDays} days and the
     * {@code windowDays} days before, or null when the earlier window is empty.
     *
     * @param counted    workouts that count (see {@link CountedWorkouts})
     * @param today      the local date of "now"
     * @param windowDays the length of each window in local days
     */
    static Double percentChange(List<CountedWorkout> counted, LocalDate today, int windowDays) {
        DayWindow recent = DayWindow.endingOn(today, windowDays);
        DayWindow earlier = recent.previous();
        double recentMinutes = minutesIn(counted, recent);
        double earlierMinutes = minutesIn(counted, earlier);
        if (earlierMinutes <= 0) {
            return null;
        }
        return Measures.oneDecimal((recentMinutes - earlierMinutes) / earlierMinutes * 100.0);
    }

    /** Total active minutes of the workouts that started on a day of {@code window}. */
    static double minutesIn(List<CountedWorkout> counted, DayWindow window) {
        double minutes = 0;
        for (CountedWorkout workout : counted) {
            if (window.contains(workout.localDay())) {
                minutes += workout.minutes();
            }
        }
        return minutes;
    }
}
