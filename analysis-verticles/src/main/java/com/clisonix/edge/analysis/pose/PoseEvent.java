package com.clisonix.edge.analysis.pose;

import java.util.List;

/**
 * Something an {@link ExerciseAnalyzer} wants the floor to know at once (CONTRACT.md section 4,
 * {@code FloorEvent} kinds {@code rep} and {@code form_issue}).
 */
public sealed interface PoseEvent {

    /** Frame time of the event, epoch milliseconds. */
    long ts();

    /**
     * A repetition was counted and scored.
     *
     * @param rep       its number in the set (1-based)
     * @param formScore 0-100
     * @param issues    the checks it failed (empty for a clean repetition); each issue carries
     *                  its correction and audio cue
     */
    record RepCounted(long ts, int rep, double formScore, List<FormIssue> issues)
            implements PoseEvent {
        public RepCounted {
            issues = List.copyOf(issues);
        }
    }

    /**
     * A fault outside a counted repetition: a partial repetition (not counted) or a plank fault
     * held for a second or more.
     */
    record FormIssueDetected(long ts, FormIssue issue) implements PoseEvent {
    }

    /**
     * The camera sees the athlete from a direction in which the repetition angle cannot be
     * measured; counting is paused until the view is right.
     *
     * @param ratio    shoulder width over torso length in the image
     * @param required the view the exercise needs
     */
    record AlignmentWarning(long ts, ExerciseKind exercise, double ratio,
                            ExerciseKind.CameraView required) implements PoseEvent {

        /** Text for the coach and the athlete. */
        public String message() {
            return required == ExerciseKind.CameraView.SIDE
                    ? "Camera not aligned: turn side-on to the camera for " + exercise.displayName()
                    : "Camera not aligned: face the camera for " + exercise.displayName();
        }
    }
}
