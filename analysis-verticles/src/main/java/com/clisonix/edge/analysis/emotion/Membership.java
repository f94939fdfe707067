package com.clisonix.edge.analysis.emotion;

/**
 * A trapezoidal degree of membership: 0 up to {@code a}, rising linearly to 1 at {@code b}, 1 until
 * {@code c}, falling to 0 at {@code d}. An infinite {@code a} and {@code b} make it 1 for everything
 * below {@code c}; infinite {@code c} and {@code d} make it 1 for everything above {@code b}.
 * Soft edges keep a small change of input from flipping the label.
 */
record Membership(double a, double b, double c, double d) {

    static final double INF = Double.POSITIVE_INFINITY;

    Membership {
        if (!(a <= b && b <= c && c <= d)) {
            throw new IllegalArgumentException("corners must be ordered: " + a + ", " + b + ", " + c + ", " + d);
        }
    }

    /** 1 at or below {@code full}, 0 at or above {@code zero}. */
    static Membership atMost(double full, double zero) {
        return new Membership(-INF, -INF, full, zero);
    }

    /** 0 at or below {@code zero}, 1 at or above {@code full}. */
    static Membership atLeast(double zero, double full) {
        return new Membership(zero, full, INF, INF);
    }

    static Membership between(double a, double b, double c, double d) {
        return new Membership(a, b, c, d);
    }

    /** Degree of membership of {@code x}, 0..1. */
    double of(double x) {
        if (x < b) {
            if (a == -INF) {
                return 1.0;
            }
            return x <= a ? 0.0 : (x - a) / (b - a);
        }
        if (x <= c) {
            return 1.0;
        }
        if (d == INF) {
            return 1.0;
        }
        return x >= d ? 0.0 : (d - x) / (d - c);
    }
}
