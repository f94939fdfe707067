package com.clisonix.edge.analysis.hr;

import java.util.Locale;

/** Safety conditions a heart-rate session raises for the coach's screen. */
public enum HeartRateAlert {

    /**
     * Heart rate has stayed above the HRmax in effect for the configured time (default 60 s). Either
     * the recorded HRmax is too low (the workout will propose a raise) or the athlete is working
     * beyond a safe ceiling; in both cases a coach should look.
     */
    HR_ABOVE_MAX;

    /** The lower-case code used in the {@code alerts[]} array of {@code AthleteMetrics}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
