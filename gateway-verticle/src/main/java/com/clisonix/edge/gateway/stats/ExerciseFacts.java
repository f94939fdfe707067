package com.clisonix.edge.gateway.stats;

/**
 * What the statistics need from one row of the {@code exercises} table.
 *
 * <p>Every field may be null: rows come from clients and cameras with different amounts of
 * detail. {@code repsCounted} is the camera's count and {@code reps} what the client entered
 * (CONTRACT.md §3); for a plank {@code durationSeconds} is the time held in good form.
 *
 * @param name           the exercise name as stored (aliases are resolved by {@link ExerciseNames})
 * @param reps           repetitions entered by the client, or null
 * @param repsCounted    repetitions counted by a camera, or null when no camera counted
 * @param formScore      form score on the 0-100 scale; the spec's column defaults to 0.0, which
 *                       the statistics read as "not scored"
 * @param durationSeconds time spent on the exercise (for a plank: held in good form), or null
 */
public record ExerciseFacts(String name, Integer reps, Integer repsCounted, Double formScore,
                            Integer durationSeconds) {

    /** The repetitions to credit: the camera's count when there is one, else the client's entry. */
    public Integer effectiveReps() {
        return repsCounted != null ? repsCounted : reps;
    }
}
