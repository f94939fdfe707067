package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.hr.AthleteProfile;
import java.util.Objects;
import java.util.UUID;

/**
 * What an athlete's actor needs from the profile store: identity, the figures the heart-rate
 * science uses, and the open workout (so an actor rebuilt after a restart knows the workout).
 *
 * @param openWorkoutId   the open workout, or null
 * @param classId         the class that workout belongs to, or null
 * @param workoutStartMs  the open workout's start, epoch ms, or 0
 */
public record ProfileSnapshot(UUID userId, String username, AthleteProfile profile, UUID openWorkoutId,
                              UUID classId, long workoutStartMs) {

    public ProfileSnapshot {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(profile, "profile");
    }

    /** Nothing known beyond the id (the store did not answer). */
    public static ProfileSnapshot unknown(UUID userId) {
        return new ProfileSnapshot(userId, null, AthleteProfile.unknown(), null, null, 0);
    }
}
