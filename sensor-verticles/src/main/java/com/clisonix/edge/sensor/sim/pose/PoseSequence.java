package com.clisonix.edge.sensor.sim.pose;

import java.util.List;

/**
 * A synthesised sequence and the ground truth it was built from.
 *
 * @param spec              what was asked for
 * @param samples           delivered frames in time order (dropped frames are absent)
 * @param fullReps          repetitions that went through the full range of motion
 * @param partialReps       attempts that fell short (too shallow, chin below the bar, arms not
 *                          straightened between repetitions)
 * @param goodHoldSeconds   plank only: seconds held without the built-in fault; 0 otherwise
 * @param faultSeconds      plank only: seconds held with the built-in fault; 0 otherwise
 */
public record PoseSequence(SequenceSpec spec, List<PoseSample> samples, int fullReps,
                           int partialReps, double goodHoldSeconds, double faultSeconds) {

    public PoseSequence {
        samples = List.copyOf(samples);
    }
}
