package com.clisonix.edge.gateway.stats;

import java.util.Locale;
import java.util.Set;

/**
 * Maps the exercise names clients type to the canonical names of CONTRACT.md §3, so that
 * "Push-ups" on Monday and "pushup" on Friday compete for the same personal record.
 *
 * <p>Matching is the pose analyser's ({@code analysis.pose.ExerciseKind}: case and everything but
 * the letters a-z ignored, one trailing plural "s" allowed), so both sides of the gateway agree on
 * what a name means. A name that matches no alias is kept as given, only trimmed and lower-cased:
 * such exercises are stored and ranked but not analysed.
 */
public final class ExerciseNames {

    public static final String PUSH_UP = "push_up";
    public static final String SQUAT = "squat";
    public static final String DEADLIFT = "deadlift";
    public static final String LUNGE = "lunge";
    public static final String PULL_UP = "pull_up";
    public static final String PLANK = "plank";
    public static final String BICEP_CURL = "bicep_curl";

    /** The canonical names the gateway analyses. */
    public static final Set<String> CANONICAL =
            Set.of(PUSH_UP, SQUAT, DEADLIFT, LUNGE, PULL_UP, PLANK, BICEP_CURL);

    private ExerciseNames() {
    }

    /**
     * The canonical name for {@code name}, or the trimmed lower-case name when it is not a known
     * exercise; the empty string for null or blank input (callers skip such exercises).
     */
    public static String normalise(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        // one alias table for the camera and the statistics, so they always agree on a name
        return com.clisonix.edge.analysis.pose.ExerciseKind.fromName(name)
                .map(com.clisonix.edge.analysis.pose.ExerciseKind::wireName)
                .orElse(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a canonical exercise is held rather than repeated. For a plank the camera reports the
     * seconds held in good form (CONTRACT.md §3) and a repetition count means nothing.
     */
    public static boolean isHold(String canonicalName) {
        return PLANK.equals(canonicalName);
    }
}
