package com.clisonix.edge.analysis.pose;

/**
 * Times a plank: seconds in the plank position with a good body line (shoulder-hip-ankle
 * &ge; 165 deg, pose.md section 5 and 4.4), and seconds in position with a sagging or piked line.
 *
 * <p>"In position" means the torso is at least {@link #MIN_TORSO_FROM_VERTICAL} deg from
 * vertical, so standing up or kneeling upright is neither good nor bad plank time. The time
 * between two analysed frames is credited to the state of the later frame, at most
 * {@link #MAX_CREDIT_SECONDS} per gap, so dropped frames do not lose time but a long occlusion
 * is not credited blindly. A fault held for {@link #FAULT_SECONDS} raises one issue per episode;
 * the episode ends after the same time in good form.
 */
final class PlankHoldTimer {

    static final double MIN_TORSO_FROM_VERTICAL = 50;
    static final double MAX_CREDIT_SECONDS = 0.5;
    static final double FAULT_SECONDS = 1.0;

    private double lastT = Double.NaN;
    private double goodSeconds;
    private double faultSeconds;
    private double faultRun;
    private double goodRun;
    private boolean episodeOpen;

    /**
     * Updates the timer; returns the issue to raise now, or {@code null}.
     */
    FormIssue update(double t, FrameFeatures f) {
        double dt = Double.isNaN(lastT) ? 0 : Math.min(MAX_CREDIT_SECONDS, t - lastT);
        lastT = t;
        if (!(f.torsoLean >= MIN_TORSO_FROM_VERTICAL)) {
            faultRun = 0;
            return null;
        }
        FormIssue fault = null;
        if (f.bodyLine < FormIssue.PLANK_HIP_SAG.limit()) {
            fault = f.hipOffset > 0 ? FormIssue.PLANK_HIP_SAG : FormIssue.PLANK_HIP_PIKE;
        }
        if (fault == null) {
            goodSeconds += dt;
            goodRun += dt;
            faultRun = 0;
            if (goodRun >= FAULT_SECONDS) {
                episodeOpen = false;
            }
            return null;
        }
        faultSeconds += dt;
        faultRun += dt;
        goodRun = 0;
        if (!episodeOpen && faultRun >= FAULT_SECONDS) {
            episodeOpen = true;
            return fault;
        }
        return null;
    }

    /** Marks a gap in the stream: the next frame is credited no time. */
    void gap() {
        lastT = Double.NaN;
    }

    double goodSeconds() {
        return goodSeconds;
    }

    double faultSeconds() {
        return faultSeconds;
    }

    /** Share of in-position time held in good form, 0-100; NaN before any plank time. */
    double score() {
        double total = goodSeconds + faultSeconds;
        return total > 0 ? 100 * goodSeconds / total : Double.NaN;
    }
}
