package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertMonitorTest {
    static final long T0 = 1_732_500_000_000L;

    @Test
    void noContactForThirtySecondsDuringAWorkoutIsRaisedOnce() {
        AlertMonitor m = new AlertMonitor();
        m.onContact(T0, 1);
        m.onContact(T0 + AthleteState.CONTACT_ALERT_MS - 1, 1);
        assertThat(m.check(false, true, T0, false, T0)).isEmpty();
        m.onContact(T0 + AthleteState.CONTACT_ALERT_MS, 1);
        assertThat(m.check(false, true, T0, false, T0)).containsExactly(AthleteAlert.NO_SENSOR_CONTACT);
        assertThat(m.check(false, true, T0, false, T0)).as("a rising edge only").isEmpty();
        assertThat(m.codes()).containsExactly(AthleteAlert.NO_SENSOR_CONTACT.code());
        m.onContact(T0 + AthleteState.CONTACT_ALERT_MS + 1, 0);
        assertThat(m.check(false, true, T0, false, T0)).isEmpty();
        assertThat(m.codes()).isEmpty();
    }

    @Test
    void dropOutNeedsAStrapHeardInTheWorkout() {
        AlertMonitor m = new AlertMonitor();
        long later = T0 + AthleteState.DROPOUT_ALERT_MS;
        m.onHeartRate("bike", true);
        assertThat(m.check(false, true, T0, false, later)).isEmpty();
        m.onHeartRate("chest_strap", true);
        assertThat(m.check(false, true, T0, false, later)).containsExactly(AthleteAlert.HR_DROPOUT);
        m.workoutClosed();
        assertThat(m.codes()).isEmpty();
        assertThat(m.check(false, false, T0, false, later)).isEmpty();
    }

    @Test
    void hrAboveMaxAndCameraAlertsOutsideAWorkout() {
        AlertMonitor m = new AlertMonitor();
        assertThat(m.check(true, false, T0, true, T0))
                .containsExactlyInAnyOrder(AthleteAlert.HR_ABOVE_MAX, AthleteAlert.CAMERA_MISALIGNED);
        m.workoutStarted();
        assertThat(m.codes()).isEmpty();
    }
}
