package com.clisonix.edge.analysis.hr;

/**
 * A proposal, produced at the end of a workout, to raise the athlete's recorded maximum heart
 * rate because they held a higher rate during the workout.
 *
 * @param previousBpm the HRmax in effect when the workout started
 * @param proposedBpm the new HRmax to store (as a measured value)
 * @param adjustments how many separate raises the workout earned (each at most the configured step)
 */
public record HrMaxRaise(double previousBpm, double proposedBpm, int adjustments) {

    public HrMaxRaise {
        if (!(proposedBpm > previousBpm)) {
            throw new IllegalArgumentException("a raise must increase HRmax: " + previousBpm + " -> " + proposedBpm);
        }
        if (adjustments < 1) {
            throw new IllegalArgumentException("adjustments must be at least 1: " + adjustments);
        }
    }

    /** The total increase in bpm. */
    public double increaseBpm() {
        return proposedBpm - previousBpm;
    }
}
