package com.clisonix.edge.analysis.hr;

/**
 * Watches for a heart rate held above the HRmax in effect, for the coach's safety alert.
 *
 * <p>Time above HRmax is counted from the time credited to each sample (see
 * {@link HeartRateSession}). A sample at or below HRmax ends the continuous stretch, and so does a
 * drop-out, because nothing is known about the heart while the strap was silent. The alert is on
 * while the continuous stretch is at least the configured time (default 60 s), and clears with the
 * first sample at or below HRmax. Allocation-free; owned by one session.
 */
public final class HrAboveMaxMonitor {

    private final double hrMax;
    private final double alertSeconds;
    private double totalSeconds;
    private double continuousSeconds;

    /**
     * @param hrMax        the HRmax in effect, bpm
     * @param alertSeconds continuous time above {@code hrMax} that turns the alert on
     */
    public HrAboveMaxMonitor(double hrMax, double alertSeconds) {
        if (!(hrMax > 0) || !(alertSeconds > 0)) {
            throw new IllegalArgumentException("HRmax and alert time must be positive");
        }
        this.hrMax = hrMax;
        this.alertSeconds = alertSeconds;
    }

    /**
     * @param bpm        the sample's heart rate
     * @param seconds    the time credited to the sample
     * @param contiguous {@code false} when the sample follows a drop-out
     */
    public void observe(int bpm, double seconds, boolean contiguous) {
        if (!contiguous) {
            continuousSeconds = 0;
        }
        if (bpm > hrMax) {
            totalSeconds += seconds;
            if (contiguous) {
                continuousSeconds += seconds;
            }
        } else {
            continuousSeconds = 0;
        }
    }

    /** Whether the alert is on. */
    public boolean isAlert() {
        return continuousSeconds >= alertSeconds;
    }

    /** All time above HRmax so far, seconds. */
    public double totalSeconds() {
        return totalSeconds;
    }

    /** The current continuous stretch above HRmax, seconds. */
    public double continuousSeconds() {
        return continuousSeconds;
    }
}
