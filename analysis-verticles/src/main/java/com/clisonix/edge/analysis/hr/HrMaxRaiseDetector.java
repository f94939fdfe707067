package com.clisonix.edge.analysis.hr;

import java.util.Optional;

/**
 * Detects that an athlete's recorded maximum heart rate is too low, the way Myzone's automatic
 * MHR adjustment works (Myzone knowledge base, summarised in the training-science reference §5):
 * holding a heart rate above the recorded maximum for a sustained period (default 30 s) earns a
 * raise of at most a fixed step (default 10 bpm).
 *
 * <p>Semantics chosen here:
 * <ul>
 *   <li>A run is a sequence of contiguous samples strictly above the current threshold. The time
 *       credited to each sample is the interval that ends at it (as in {@link HeartRateSession}); a
 *       sample gap breaks the run, because nobody knows what the heart did while the strap was
 *       silent.</li>
 *   <li>When a run reaches the hold time, the threshold rises to the highest rate seen in the run,
 *       but by no more than the step. The run then starts over against the new threshold, so a
 *       long effort can earn several raises in one workout.</li>
 *   <li>The zones of the running workout keep the HRmax they started with; the detector only
 *       reports the accumulated proposal ({@link #proposal()}) so the caller can persist it when the
 *       workout ends. Changing zones mid-workout would make the member's numbers jump.</li>
 * </ul>
 * Not thread-safe: owned by one session actor. Allocation-free per sample.
 */
public final class HrMaxRaiseDetector {

    /** Default time a rate must be held above the recorded maximum, in seconds. */
    public static final double DEFAULT_HOLD_SECONDS = 30.0;
    /** Default largest increase per adjustment, in bpm. */
    public static final double DEFAULT_MAX_STEP_BPM = 10.0;

    private final double initialMax;
    private final double holdSeconds;
    private final double maxStepBpm;

    private double threshold;
    private double runSeconds;
    private int runPeak;
    private int adjustments;

    public HrMaxRaiseDetector(double hrMaxInEffect) {
        this(hrMaxInEffect, DEFAULT_HOLD_SECONDS, DEFAULT_MAX_STEP_BPM);
    }

    public HrMaxRaiseDetector(double hrMaxInEffect, double holdSeconds, double maxStepBpm) {
        if (!(hrMaxInEffect > 0) || Double.isInfinite(hrMaxInEffect)) {
            throw new IllegalArgumentException("HRmax must be positive and finite: " + hrMaxInEffect);
        }
        if (!(holdSeconds > 0) || !(maxStepBpm > 0)) {
            throw new IllegalArgumentException("hold time and step must be positive");
        }
        this.initialMax = hrMaxInEffect;
        this.holdSeconds = holdSeconds;
        this.maxStepBpm = maxStepBpm;
        this.threshold = hrMaxInEffect;
    }

    /**
     * Feeds one heart-rate sample.
     *
     * @param bpm        the sample's heart rate
     * @param seconds    the time credited to the sample (the capped interval since the previous one)
     * @param contiguous {@code false} when the sample follows a gap; the current run is dropped
     * @return {@code true} when this sample completed a qualifying run and raised the threshold
     */
    public boolean observe(int bpm, double seconds, boolean contiguous) {
        if (!contiguous) {
            runSeconds = 0;
            runPeak = 0;
        }
        if (bpm <= threshold) {
            runSeconds = 0;
            runPeak = 0;
            return false;
        }
        if (contiguous && seconds > 0) {
            runSeconds += seconds;
        }
        if (bpm > runPeak) {
            runPeak = bpm;
        }
        if (runSeconds < holdSeconds) {
            return false;
        }
        threshold = Math.min(runPeak, threshold + maxStepBpm);
        adjustments++;
        runSeconds = 0;
        runPeak = 0;
        return true;
    }

    /** The maximum the detector currently believes in (starts at the HRmax in effect). */
    public double currentThreshold() {
        return threshold;
    }

    /** Seconds of the current run above the threshold. */
    public double currentRunSeconds() {
        return runSeconds;
    }

    /** The raise earned so far, or empty when none. */
    public Optional<HrMaxRaise> proposal() {
        if (adjustments == 0) {
            return Optional.empty();
        }
        return Optional.of(new HrMaxRaise(initialMax, threshold, adjustments));
    }
}
