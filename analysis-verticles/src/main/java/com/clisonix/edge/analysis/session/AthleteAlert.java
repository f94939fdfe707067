package com.clisonix.edge.analysis.session;

import java.util.Locale;

/** Safety and camera conditions shown in {@code alerts[]} and sent once as {@code alert} floor events. */
public enum AthleteAlert {
    /** Heart rate above the HRmax in effect for 60 s. */
    HR_ABOVE_MAX("Heart rate above maximum for over a minute"),
    /** The strap reported no skin contact for 30 s during a workout. */
    NO_SENSOR_CONTACT("Heart-rate strap has had no skin contact for 30 seconds"),
    /** A strap that was sending heart rate during the workout has been silent for 30 s. */
    HR_DROPOUT("No heart rate from the paired strap for 30 seconds"),
    /** The camera sees the athlete from a direction in which reps cannot be counted. */
    CAMERA_MISALIGNED("Camera cannot judge the exercise from this angle");

    private final String message;

    AthleteAlert(String message) {
        this.message = message;
    }

    /** The lower-case code used on the wire. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String message() {
        return message;
    }
}
