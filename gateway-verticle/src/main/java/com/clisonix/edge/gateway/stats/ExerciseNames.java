package com.clisonix.edge.gateway.stats;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the exercise names clients type to the canonical names of CONTRACT.md §3, so that
 * "Push-ups" on Monday and "pushup" on Friday compete for the same personal record.
 *
 * <p>Matching ignores case and everything but the letters a-z, and allows one trailing plural "s";
 * the alias list follows the pose analyser's ({@code analysis.pose.ExerciseKind}) so both sides of
 * the gateway agree on what a name means. A name that matches no alias is kept as given, only
 * trimmed and lower-cased: such exercises are stored and ranked but not analysed.
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

    /** Letters-only, singular spellings and their canonical name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("pushup", PUSH_UP), Map.entry("pressup", PUSH_UP),
            Map.entry("squat", SQUAT), Map.entry("airsquat", SQUAT),
            Map.entry("bodyweightsquat", SQUAT),
            Map.entry("deadlift", DEADLIFT),
            Map.entry("lunge", LUNGE), Map.entry("forwardlunge", LUNGE),
            Map.entry("pullup", PULL_UP), Map.entry("chinup", PULL_UP),
            Map.entry("plank", PLANK), Map.entry("forearmplank", PLANK),
            Map.entry("bicepcurl", BICEP_CURL), Map.entry("bicepscurl", BICEP_CURL),
            Map.entry("curl", BICEP_CURL), Map.entry("dumbbellcurl", BICEP_CURL));

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
        String asGiven = name.trim().toLowerCase(Locale.ROOT);
        String key = lettersOnly(asGiven);
        String canonical = ALIASES.get(key);
        if (canonical == null && key.endsWith("s")) {
            canonical = ALIASES.get(key.substring(0, key.length() - 1));
        }
        return canonical != null ? canonical : asGiven;
    }

    /**
     * Whether a canonical exercise is held rather than repeated. For a plank the camera reports the
     * seconds held in good form (CONTRACT.md §3) and a repetition count means nothing.
     */
    public static boolean isHold(String canonicalName) {
        return PLANK.equals(canonicalName);
    }

    private static String lettersOnly(String lowerCase) {
        StringBuilder letters = new StringBuilder(lowerCase.length());
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = lowerCase.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
