package com.clisonix.edge.analysis.pose;

/**
 * Range of motion of the repetition signal on each side during a set, and which side it makes
 * the better one to count on. When both sides are about equally visible, the limb whose 2-D angle
 * swings through the larger range is the less foreshortened one (LearnOpenCV picks the larger
 * projected side, pose.md section 4.2 and 5): a limb seen obliquely, or whose landmarks the model
 * placed poorly, flattens the movement and may never reach a threshold that the other side
 * crosses cleanly. Pure; not thread-safe.
 */
final class SideRanges {

    /**
     * Range advantage, in degrees, the other side needs before the preference moves: larger than
     * the jitter left after smoothing, so the preference does not flip between equal limbs.
     */
    static final double SWITCH_DEGREES = 10;

    private final double[] max = new double[2];
    private final double[] min = new double[2];
    private int preferred = -1;

    SideRanges() {
        reset();
    }

    /** Records one frame's per-side signals (NaN where a side is not usable). */
    void observe(double[] sideSignal) {
        for (int s = 0; s < 2; s++) {
            double v = sideSignal[s];
            if (Double.isFinite(v)) {
                max[s] = Math.max(max[s], v);
                min[s] = Math.min(min[s], v);
            }
        }
        double r0 = range(0);
        double r1 = range(1);
        if (preferred != 0 && r0 > r1 + SWITCH_DEGREES) {
            preferred = 0;
        } else if (preferred != 1 && r1 > r0 + SWITCH_DEGREES) {
            preferred = 1;
        }
    }

    /** The side with the clearly larger range so far, or -1 when neither stands out yet. */
    int preferred() {
        return preferred;
    }

    /** Highest signal seen on {@code side}; -infinity before any. */
    double max(int side) {
        return max[side];
    }

    /** Lowest signal seen on {@code side}; +infinity before any. */
    double min(int side) {
        return min[side];
    }

    double range(int side) {
        return max[side] >= min[side] ? max[side] - min[side] : 0;
    }

    void reset() {
        for (int s = 0; s < 2; s++) {
            max[s] = Double.NEGATIVE_INFINITY;
            min[s] = Double.POSITIVE_INFINITY;
        }
        preferred = -1;
    }
}
