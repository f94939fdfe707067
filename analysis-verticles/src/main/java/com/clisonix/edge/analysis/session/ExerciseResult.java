package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.FormIssue;
import java.util.List;

/**
 * What the camera made of one exercise in a workout, for its {@code exercises} row.
 *
 * @param reps         repetitions counted ({@code reps_counted}); 0 for a plank
 * @param partialReps  attempts not counted
 * @param formScore    set score 0-100, or null when nothing was scored
 * @param issues       distinct faults seen, in the order first seen
 * @param holdSeconds  plank: seconds held in good form ({@code duration_seconds})
 */
public record ExerciseResult(ExerciseKind kind, int reps, int partialReps, Double formScore, List<FormIssue> issues,
                             double holdSeconds) {

    public ExerciseResult {
        issues = List.copyOf(issues);
    }
}
