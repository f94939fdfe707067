package com.clisonix.edge.analysis.pose;

/**
 * What one frame says about an exercise: the repetition signal and the separate form measures.
 * The repetition signal and the form measures never share a threshold (pose.md section 5: a bad
 * camera angle should not break counting and form at once). Every measure is {@code NaN} when it
 * could not be taken in this frame. Mutable and reused.
 */
final class FrameFeatures {

    /** Whether the joints of the repetition signal were usable. */
    boolean countable;
    /** The repetition signal in degrees (an interior joint angle; see {@link RepThresholds}). */
    double signal;
    /** Extra condition for the extended (start) position, e.g. knees straight at a lockout. */
    boolean extendedOk;
    /** Extra condition for the flexed position, e.g. nose above the hands in a pull-up. */
    boolean flexedOk;
    /** Side used: 0 the athlete's left, 1 the right, -1 both (mean) or none. */
    int side;
    /**
     * The repetition signal measured on each side (left, right), NaN where that side is not
     * usable or the exercise does not use one side (lunge, pull-up, plank).
     */
    final double[] sideSignal = new double[2];

    /** Interior angle shoulder-hip-ankle. */
    double bodyLine;
    /** Hip offset from the shoulder-ankle line over its length; positive = below (sag). */
    double hipOffset;
    /** Torso (hip to shoulder) against the vertical. */
    double torsoLean;
    /** Shin (ankle to knee) against the vertical; the front shin for lunges. */
    double shinAngle;
    /** Upper arm (shoulder to elbow) against the downward vertical. */
    double upperArm;
    /** Interior angle shoulder-hip-knee. */
    double hipAngle;
    /** Interior knee angle (front knee for lunges). */
    double kneeAngle;
    /** Back knee angle (lunges). */
    double backKnee;
    /** Shoulder width over torso length in the image; NaN when not measurable or in world mode. */
    double alignmentRatio;

    void clear() {
        countable = false;
        signal = Double.NaN;
        extendedOk = true;
        flexedOk = true;
        side = -1;
        sideSignal[0] = Double.NaN;
        sideSignal[1] = Double.NaN;
        bodyLine = Double.NaN;
        hipOffset = Double.NaN;
        torsoLean = Double.NaN;
        shinAngle = Double.NaN;
        upperArm = Double.NaN;
        hipAngle = Double.NaN;
        kneeAngle = Double.NaN;
        backKnee = Double.NaN;
        alignmentRatio = Double.NaN;
    }
}
