package com.clisonix.edge.analysis.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The athlete's alert conditions and which of them are on (rising edges are reported once, until
 * the condition clears): HR above the HRmax in effect for 60 s (the heart-rate session decides),
 * during a workout {@value AthleteState#CONTACT_ALERT_MS} ms of "no skin contact" reports, during
 * a workout {@value AthleteState#DROPOUT_ALERT_MS} ms without a heart rate from a chest strap that
 * had sent one in that workout, and a camera view in which repetitions cannot be counted. Pure;
 * owned by {@link AthleteState}.
 */
final class AlertMonitor {

    private boolean strapSeenInWorkout;
    private long noContactSinceTs = -1;
    private long lastContactTs;
    private final Set<AthleteAlert> on = EnumSet.noneOf(AthleteAlert.class);

    /** A heart rate arrived; a chest strap's during a workout arms the drop-out rule. */
    void onHeartRate(String deviceType, boolean inWorkout) {
        if (inWorkout && "chest_strap".equals(deviceType)) {
            strapSeenInWorkout = true;
        }
    }

    /** A sensor-contact report (reading time): 1 = no skin contact, anything else = contact. */
    void onContact(long ts, double value) {
        lastContactTs = Math.max(lastContactTs, ts);
        if (value == 1.0) {
            if (noContactSinceTs < 0) {
                noContactSinceTs = ts;
            }
        } else {
            noContactSinceTs = -1;
        }
    }

    /** A workout starts: the workout rules start over and every alert is off. */
    void workoutStarted() {
        strapSeenInWorkout = false;
        noContactSinceTs = -1;
        on.clear();
    }

    /** A workout ends: the workout-only alerts go off, the others stay as they are. */
    void workoutClosed() {
        strapSeenInWorkout = false;
        noContactSinceTs = -1;
        on.remove(AthleteAlert.NO_SENSOR_CONTACT);
        on.remove(AthleteAlert.HR_DROPOUT);
    }

    /**
     * Re-evaluates the conditions.
     *
     * @param aboveHrMax      the heart-rate session's above-HRmax alert
     * @param inWorkout       whether a workout is open
     * @param lastHrArrivalMs wall time of the newest heart rate
     * @param misalignedNow   the camera view is misaligned and the pose data are fresh
     * @return alerts that have just come on
     */
    List<AthleteAlert> check(boolean aboveHrMax, boolean inWorkout, long lastHrArrivalMs, boolean misalignedNow,
                             long nowMs) {
        EnumSet<AthleteAlert> now = EnumSet.noneOf(AthleteAlert.class);
        if (aboveHrMax) {
            now.add(AthleteAlert.HR_ABOVE_MAX);
        }
        if (inWorkout && noContactSinceTs >= 0 && lastContactTs - noContactSinceTs >= AthleteState.CONTACT_ALERT_MS) {
            now.add(AthleteAlert.NO_SENSOR_CONTACT);
        }
        if (inWorkout && strapSeenInWorkout && nowMs - lastHrArrivalMs >= AthleteState.DROPOUT_ALERT_MS) {
            now.add(AthleteAlert.HR_DROPOUT);
        }
        if (misalignedNow) {
            now.add(AthleteAlert.CAMERA_MISALIGNED);
        }
        List<AthleteAlert> raised = new ArrayList<>(1);
        for (AthleteAlert a : now) {
            if (!on.contains(a)) {
                raised.add(a);
            }
        }
        on.clear();
        on.addAll(now);
        return raised;
    }

    /** Codes of the alerts that are on, for the metrics. */
    List<String> codes() {
        List<String> codes = new ArrayList<>(on.size());
        for (AthleteAlert a : on) {
            codes.add(a.code());
        }
        return codes;
    }
}
