package com.clisonix.edge.sensor.sim.pose;

/**
 * Poses the body model for one exercise at a given point of the movement.
 *
 * <p>{@code d} is the depth of the movement: 0 is the start position (standing, arms straight,
 * hanging), 1 the far end of a full repetition; values in between interpolate the joint targets.
 * For a plank, {@code d} is instead the strength of the built-in fault (0 = clean line).
 */
interface Kinematics {

    void pose(double d, BodyFrame out);

    static Kinematics of(SimExercise exercise, SimFault fault, BodyDimensions dims) {
        return switch (exercise) {
            case SQUAT, DEADLIFT, LUNGE, BICEP_CURL -> new UprightKinematics(exercise, fault, dims);
            case PUSH_UP, PLANK -> new FloorKinematics(exercise, fault, dims);
            case PULL_UP -> new HangKinematics(fault, dims);
        };
    }
}
