package com.clisonix.edge.analysis.pose;

/**
 * The worst values of the form measures over one repetition, from the moment the athlete leaves
 * the start position until the repetition is scored (a short while after it is counted, so the
 * top of the movement, e.g. a deadlift's lockout, is seen too). Only the extremes are kept:
 * allocation-free and O(1) per frame.
 */
final class RepFormTracker {

    double worstSag;
    double worstPike;
    double maxTorso;
    double maxShin;
    double maxUpperArm;
    double maxTopHip;

    RepFormTracker() {
        reset();
    }

    void reset() {
        worstSag = Double.NaN;
        worstPike = Double.NaN;
        maxTorso = Double.NaN;
        maxShin = Double.NaN;
        maxUpperArm = Double.NaN;
        maxTopHip = Double.NaN;
    }

    /** Takes in one frame of the repetition. */
    void observe(FrameFeatures f, boolean atTop) {
        if (f.hipOffset > 0) {
            worstSag = min(worstSag, f.bodyLine);
        } else if (f.hipOffset < 0) {
            worstPike = min(worstPike, f.bodyLine);
        }
        maxTorso = max(maxTorso, f.torsoLean);
        maxShin = max(maxShin, f.shinAngle);
        maxUpperArm = max(maxUpperArm, f.upperArm);
        if (atTop) {
            maxTopHip = max(maxTopHip, f.hipAngle);
        }
    }

    private static double min(double acc, double v) {
        if (Double.isNaN(v)) {
            return acc;
        }
        return Double.isNaN(acc) ? v : Math.min(acc, v);
    }

    private static double max(double acc, double v) {
        if (Double.isNaN(v)) {
            return acc;
        }
        return Double.isNaN(acc) ? v : Math.max(acc, v);
    }
}
