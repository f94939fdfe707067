package com.clisonix.edge.analysis.pose;

import java.util.List;

/**
 * The outcome of one frame for one athlete and exercise.
 *
 * @param ts           frame time, epoch milliseconds
 * @param status       what could be done with the frame
 * @param events       events raised by this frame (usually empty)
 * @param reps         repetitions counted so far in the set ({@code reps_counted})
 * @param partialReps  attempts not counted because they fell short
 * @param setFormScore mean score of the set's scored repetitions and partial attempts, 0-100;
 *                     for a plank the share of plank time held in good form; {@code NaN} while
 *                     nothing has been scored ({@code form_score} null)
 * @param holdSeconds  plank: seconds held in good form; 0 for other exercises
 */
public record FrameResult(long ts, FrameStatus status, List<PoseEvent> events, int reps,
                          int partialReps, double setFormScore, double holdSeconds) {

    public FrameResult {
        events = List.copyOf(events);
    }

    /** Whether a set score exists yet. */
    public boolean hasSetFormScore() {
        return !Double.isNaN(setFormScore);
    }
}
