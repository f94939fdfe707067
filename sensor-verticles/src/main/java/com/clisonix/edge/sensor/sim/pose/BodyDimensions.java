package com.clisonix.edge.sensor.sim.pose;

/**
 * Segment lengths of the body model in metres, scaled from a 1.75 m adult with proportions
 * close to standard anthropometric tables (thigh about 0.25, shank 0.24, upper arm 0.17, forearm
 * 0.15 of stature). Exact proportions do not matter for the analysers, which work on angles and
 * ratios; they only keep the synthetic athlete plausible.
 */
record BodyDimensions(double torso, double neck, double upperArm, double forearm, double thigh,
                      double shin, double ankleHeight, double shoulderHalf, double hipHalf,
                      double legHalf, double armHalf) {

    static BodyDimensions ofStature(double metres) {
        double k = metres / 1.75;
        return new BodyDimensions(0.50 * k, 0.22 * k, 0.29 * k, 0.26 * k, 0.44 * k, 0.42 * k,
                0.08 * k, 0.19 * k, 0.12 * k, 0.11 * k, 0.21 * k);
    }

    double leg() {
        return thigh + shin;
    }
}
