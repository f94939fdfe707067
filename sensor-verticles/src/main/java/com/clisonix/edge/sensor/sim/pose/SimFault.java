package com.clisonix.edge.sensor.sim.pose;

import java.util.EnumSet;
import java.util.Set;

/**
 * A form fault the synthesiser can build into a sequence. Each fault is a change of the body
 * model's joint targets, not of the landmarks, so every landmark stays consistent with a rigid
 * skeleton and an analyser has to find the fault the way it would on a real athlete.
 */
public enum SimFault {
    /** Clean repetitions. */
    NONE(EnumSet.allOf(SimExercise.class)),
    /** Hips drop below the shoulder-to-ankle line (push-up, plank). */
    HIP_SAG(EnumSet.of(SimExercise.PUSH_UP, SimExercise.PLANK)),
    /** Hips pushed above the shoulder-to-ankle line (push-up, plank). */
    HIP_PIKE(EnumSet.of(SimExercise.PUSH_UP, SimExercise.PLANK)),
    /** The athlete stops well short of the bottom position: partial repetitions. */
    SHALLOW(EnumSet.of(SimExercise.PUSH_UP, SimExercise.SQUAT, SimExercise.DEADLIFT,
            SimExercise.LUNGE, SimExercise.BICEP_CURL)),
    /** The (front) knee travels far forward over the toes (squat, lunge). */
    KNEE_OVER_TOE(EnumSet.of(SimExercise.SQUAT, SimExercise.LUNGE)),
    /** The chest drops forward (squat, lunge). */
    TORSO_LEAN(EnumSet.of(SimExercise.SQUAT, SimExercise.LUNGE)),
    /** The back tips towards horizontal at the bottom of a deadlift. */
    BACK_TOO_HORIZONTAL(EnumSet.of(SimExercise.DEADLIFT)),
    /** Hips and knees never straighten fully at the top of a deadlift. */
    INCOMPLETE_LOCKOUT(EnumSet.of(SimExercise.DEADLIFT)),
    /** Elbows bend but the nose stays below the hands (pull-up). */
    CHIN_BELOW_BAR(EnumSet.of(SimExercise.PULL_UP)),
    /** The arms do not straighten between repetitions, except after the last one. */
    NO_FULL_EXTENSION(EnumSet.of(SimExercise.PULL_UP, SimExercise.BICEP_CURL)),
    /** The upper arm swings forward while curling. */
    LOOSE_UPPER_ARM(EnumSet.of(SimExercise.BICEP_CURL)),
    /** The torso leans back to heave the weight up. */
    BODY_SWING(EnumSet.of(SimExercise.BICEP_CURL));

    private final Set<SimExercise> exercises;

    SimFault(Set<SimExercise> exercises) {
        this.exercises = exercises;
    }

    /** Whether this fault can be acted out for the given exercise. */
    public boolean appliesTo(SimExercise exercise) {
        return exercises.contains(exercise);
    }

    /** Faults that make every attempt fall short of a full repetition. */
    boolean makesPartialReps() {
        return this == SHALLOW || this == CHIN_BELOW_BAR;
    }
}
