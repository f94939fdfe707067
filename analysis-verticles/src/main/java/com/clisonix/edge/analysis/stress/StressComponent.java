package com.clisonix.edge.analysis.stress;

/**
 * The four signals of the stress score and the most points each can contribute; the weights are
 * the product specification's ("Stress Level Detection").
 */
public enum StressComponent {
    /** Heart rate above the resting heart rate: up to 40 points. */
    HEART_RATE_ELEVATION(40),
    /** Low heart-rate variability (RMSSD): up to 30 points. */
    HEART_RATE_VARIABILITY(30),
    /** Fast pupil dilation: up to 20 points. Experimental signal. */
    PUPIL_DILATION(20),
    /** Raised breathing rate: up to 10 points. */
    RESPIRATORY_RATE(10);

    private final int maxPoints;

    StressComponent(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }
}
