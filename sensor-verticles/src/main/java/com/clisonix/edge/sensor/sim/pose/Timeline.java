package com.clisonix.edge.sensor.sim.pose;

import java.util.Random;

/**
 * Movement depth over time, and the ground truth that follows from it (full repetitions, partial
 * attempts, plank seconds held cleanly and with the fault).
 */
final class Timeline {

    /** Depth at which arms stop between repetitions when they are not straightened fully. */
    private static final double PARTIAL_RETURN = 0.25;
    /** Seconds in the start position before the first and after the last repetition. */
    private static final double LEAD_SECONDS = 1.0;

    private final double[] starts;
    private final double[] lengths;
    private final double[] fromLevel;
    private final double[] toLevel;
    private final double duration;
    private final boolean hold;
    private final double holdStart;
    private final double holdEnd;
    private final int fullReps;
    private final int partialReps;
    private final double goodHold;
    private final double faultHold;

    private Timeline(double[] starts, double[] lengths, double[] fromLevel, double[] toLevel,
                     double duration, boolean hold, double holdStart, double holdEnd,
                     int fullReps, int partialReps, double goodHold, double faultHold) {
        this.starts = starts;
        this.lengths = lengths;
        this.fromLevel = fromLevel;
        this.toLevel = toLevel;
        this.duration = duration;
        this.hold = hold;
        this.holdStart = holdStart;
        this.holdEnd = holdEnd;
        this.fullReps = fullReps;
        this.partialReps = partialReps;
        this.goodHold = goodHold;
        this.faultHold = faultHold;
    }

    static Timeline reps(SequenceSpec spec, Random rnd) {
        int n = spec.reps();
        double[] starts = new double[n];
        double[] lengths = new double[n];
        double[] from = new double[n];
        double[] to = new double[n];
        boolean noExtension = spec.fault() == SimFault.NO_FULL_EXTENSION;
        double t = LEAD_SECONDS;
        for (int i = 0; i < n; i++) {
            starts[i] = t;
            lengths[i] = spec.repSeconds() * (0.9 + 0.2 * rnd.nextDouble());
            from[i] = i == 0 || !noExtension ? 0 : PARTIAL_RETURN;
            to[i] = i == n - 1 || !noExtension ? 0 : PARTIAL_RETURN;
            t += lengths[i] + spec.pauseSeconds() * (0.8 + 0.4 * rnd.nextDouble());
        }
        int full;
        int partial;
        if (spec.fault().makesPartialReps()) {
            full = 0;
            partial = n;
        } else if (noExtension) {
            full = n > 0 ? 1 : 0;
            partial = Math.max(0, n - 1);
        } else {
            full = n;
            partial = 0;
        }
        return new Timeline(starts, lengths, from, to, t + LEAD_SECONDS, false, 0, 0, full,
                partial, 0, 0);
    }

    static Timeline hold(SequenceSpec spec) {
        double h = spec.holdSeconds();
        boolean faulty = spec.fault() != SimFault.NONE;
        double start = 0.3 * h;
        double end = 0.7 * h;
        double faultTime = faulty ? Math.min(h, end - start + 0.5) : 0;
        return new Timeline(new double[0], new double[0], new double[0], new double[0], h, true,
                faulty ? start : Double.NaN, faulty ? end : Double.NaN, 0, 0, h - faultTime,
                faultTime);
    }

    double depthAt(double t) {
        if (hold) {
            if (Double.isNaN(holdStart)) {
                return 0;
            }
            double ramp = 0.5;
            if (t < holdStart - ramp || t > holdEnd + ramp) {
                return 0;
            }
            if (t < holdStart) {
                return (t - (holdStart - ramp)) / ramp;
            }
            if (t > holdEnd) {
                return 1 - (t - holdEnd) / ramp;
            }
            return 1;
        }
        double level = 0;
        for (int i = 0; i < starts.length; i++) {
            if (t < starts[i]) {
                return level;
            }
            double q = (t - starts[i]) / lengths[i];
            if (q < 0.5) {
                return fromLevel[i] + (1 - fromLevel[i]) * (1 - Math.cos(Math.PI * 2 * q)) / 2;
            }
            if (q < 1) {
                return 1 + (toLevel[i] - 1) * (1 - Math.cos(Math.PI * (2 * q - 1))) / 2;
            }
            level = toLevel[i];
        }
        return level;
    }

    double duration() {
        return duration;
    }

    int fullReps() {
        return fullReps;
    }

    int partialReps() {
        return partialReps;
    }

    double goodHold() {
        return goodHold;
    }

    double faultHold() {
        return faultHold;
    }
}
