package com.clisonix.edge.gateway.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current holder of every personal record in a history.
 *
 * <p>Workouts are replayed in chronological order and a record changes hands only when a later
 * value is strictly higher after rounding: a tie does not beat a record, so the first workout to
 * reach a value keeps it. Values are rounded before they are compared (minutes, kcal and form
 * points to one decimal, reps and seconds are whole), so that comparing with a stored value gives
 * the same answer as comparing within one run. A record's time is the end of its workout: counts
 * and scores are final only then (CONTRACT.md §3).
 *
 * <p>Records per exercise use the name from {@link ExerciseNames}; an exercise without a name is
 * skipped. Repetitions are those of one exercise entry, the camera's count when present else the
 * client's (CONTRACT.md §3); they are not multiplied by sets. A plank is held, not repeated: it
 * gets a longest-hold record from its seconds instead of a repetition record.
 */
final class PersonalRecords {

    private final Map<String, Achievement> holders = new LinkedHashMap<>();

    private PersonalRecords() {
    }

    /** The record holders of {@code counted}, which must be in chronological order. */
    static List<Achievement> of(List<CountedWorkout> counted) {
        PersonalRecords records = new PersonalRecords();
        for (CountedWorkout workout : counted) {
            records.replay(workout);
        }
        return new ArrayList<>(records.holders.values());
    }

    private void replay(CountedWorkout workout) {
        WorkoutFacts facts = workout.facts();
        offer(AchievementType.LONGEST_WORKOUT, "", Measures.oneDecimal(workout.minutes()), facts);
        Double kcal = Measures.positive(facts.caloriesBurned());
        if (kcal != null) {
            offer(AchievementType.MOST_CALORIES, "", Measures.oneDecimal(kcal), facts);
        }
        for (ExerciseFacts exercise : facts.exercises()) {
            String name = ExerciseNames.normalise(exercise.name());
            if (name.isEmpty()) {
                continue;
            }
            Double score = Measures.formScore(exercise.formScore());
            if (score != null) {
                offer(AchievementType.BEST_FORM_SCORE, name, Measures.oneDecimal(score), facts);
            }
            if (ExerciseNames.isHold(name)) {
                Integer held = exercise.durationSeconds();
                if (held != null && held > 0) {
                    offer(AchievementType.LONGEST_HOLD, name, held, facts);
                }
            } else {
                Integer reps = exercise.effectiveReps();
                if (reps != null && reps > 0) {
                    offer(AchievementType.MOST_REPS, name, reps, facts);
                }
            }
        }
    }

    private void offer(AchievementType type, String exerciseName, double value, WorkoutFacts facts) {
        if (!(value > 0)) {
            return;
        }
        String key = type.wireName() + '\u0000' + exerciseName;
        Achievement current = holders.get(key);
        if (current == null || value > current.value()) {
            holders.put(key, new Achievement(type, exerciseName, value, type.unit(), facts.id(),
                    facts.endedAt()));
        }
    }
}
