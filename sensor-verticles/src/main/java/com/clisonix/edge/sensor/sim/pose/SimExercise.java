package com.clisonix.edge.sensor.sim.pose;

/**
 * The exercises the pose synthesiser can act out. The wire names match the gateway's exercise
 * vocabulary ({@code push_up}, {@code squat}, ...), so a simulated camera track can be paired with
 * the exercise it performs without a translation table.
 */
public enum SimExercise {
    PUSH_UP("push_up"),
    SQUAT("squat"),
    DEADLIFT("deadlift"),
    LUNGE("lunge"),
    PULL_UP("pull_up"),
    PLANK("plank"),
    BICEP_CURL("bicep_curl");

    private final String wireName;

    SimExercise(String wireName) {
        this.wireName = wireName;
    }

    /** The exercise name used on the wire and in the database. */
    public String wireName() {
        return wireName;
    }

    /**
     * Whether the camera should look at this exercise from the side (the movement happens in the
     * sagittal plane). Pull-ups move the arms in the frontal plane and are filmed from the front.
     */
    public boolean filmedFromSide() {
        return this != PULL_UP;
    }
}
