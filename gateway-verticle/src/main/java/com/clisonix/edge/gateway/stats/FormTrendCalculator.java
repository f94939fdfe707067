package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an athlete's form scores moved between the last 30 local days and the 30 days before.
 *
 * <p>The trend is a difference in form-score points (0-100 scale): positive means better form.
 * It is computed exercise by exercise and then combined, because scores differ between exercises
 * (a plank is usually scored higher than a deadlift); comparing plain means would report a "trend"
 * whenever the mix of exercises changes. For every exercise name (after {@link ExerciseNames})
 * scored in both windows, {@code d = mean(recent) - mean(earlier)}; the trend is the mean of these
 * differences weighted by the number of recent scores of each exercise, rounded to one decimal.
 * Exercises scored in only one window say nothing about change and are left out. Null when no
 * exercise was scored in both windows.
 *
 * <p>A score counts when it is above 0 and at most 100 ({@link Measures#formScore}); the windows
 * are those of the monthly improvement, an exercise belonging to the day its workout started.
 */
final class FormTrendCalculator {

    /** Length of each comparison window in local days (the monthly window). */
    static final int WINDOW_DAYS = ImprovementCalculator.MONTH_DAYS;

    private FormTrendCalculator() {
    }

    /** The trend in points, or null when it cannot be told (see the class comment). */
    static Double trend(List<CountedWorkout> counted, LocalDate today) {
        DayWindow recent = DayWindow.endingOn(today, WINDOW_DAYS);
        DayWindow earlier = recent.previous();
        Map<String, Mean> recentMeans = meansByExercise(counted, recent);
        Map<String, Mean> earlierMeans = meansByExercise(counted, earlier);
        double weightedSum = 0;
        long weight = 0;
        for (Map.Entry<String, Mean> entry : recentMeans.entrySet()) {
            Mean before = earlierMeans.get(entry.getKey());
            if (before != null) {
                Mean now = entry.getValue();
                weightedSum += now.count * (now.value() - before.value());
                weight += now.count;
            }
        }
        return weight == 0 ? null : Measures.oneDecimal(weightedSum / weight);
    }

    private static Map<String, Mean> meansByExercise(List<CountedWorkout> counted, DayWindow window) {
        Map<String, Mean> means = new TreeMap<>();
        for (CountedWorkout workout : counted) {
            if (!window.contains(workout.localDay())) {
                continue;
            }
            for (ExerciseFacts exercise : workout.facts().exercises()) {
                Double score = Measures.formScore(exercise.formScore());
                String name = ExerciseNames.normalise(exercise.name());
                if (score != null && !name.isEmpty()) {
                    means.computeIfAbsent(name, n -> new Mean()).add(score);
                }
            }
        }
        return means;
    }

    /** A running mean. */
    private static final class Mean {
        private double sum;
        private long count;

        void add(double value) {
            sum += value;
            count++;
        }

        double value() {
            return sum / count;
        }
    }
}
