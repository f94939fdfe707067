package com.clisonix.edge.analysis.pose;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises the pose analysers understand, with their wire names (CONTRACT.md section 3) and
 * the camera view each one needs to be judged from 2-D pixel angles.
 */
public enum ExerciseKind {
    PUSH_UP("push_up", "Push-up", CameraView.SIDE),
    SQUAT("squat", "Squat", CameraView.SIDE),
    DEADLIFT("deadlift", "Deadlift", CameraView.SIDE),
    LUNGE("lunge", "Lunge", CameraView.SIDE),
    PULL_UP("pull_up", "Pull-up", CameraView.FRONT),
    PLANK("plank", "Plank", CameraView.SIDE),
    BICEP_CURL("bicep_curl", "Bicep Curl", CameraView.SIDE);

    /** Which way the camera should look at the athlete. */
    public enum CameraView {
        /** The movement happens in the sagittal plane: film it from the side. */
        SIDE,
        /** The arms move in the frontal plane (pull-ups): film from the front or back. */
        FRONT
    }

    /**
     * Aliases after normalisation (lower case, letters only, one trailing plural "s" removed):
     * "Push-ups", "push up", "PUSHUPS" all become "pushup".
     */
    private static final Map<String, ExerciseKind> ALIASES = Map.ofEntries(
            Map.entry("pushup", PUSH_UP), Map.entry("pressup", PUSH_UP),
            Map.entry("squat", SQUAT), Map.entry("bodyweightsquat", SQUAT),
            Map.entry("airsquat", SQUAT),
            Map.entry("deadlift", DEADLIFT),
            Map.entry("lunge", LUNGE), Map.entry("forwardlunge", LUNGE),
            Map.entry("pullup", PULL_UP), Map.entry("chinup", PULL_UP),
            Map.entry("plank", PLANK), Map.entry("forearmplank", PLANK),
            Map.entry("bicepcurl", BICEP_CURL), Map.entry("bicepscurl", BICEP_CURL),
            Map.entry("curl", BICEP_CURL), Map.entry("dumbbellcurl", BICEP_CURL));

    private final String wireName;
    private final String displayName;
    private final CameraView view;

    ExerciseKind(String wireName, String displayName, CameraView view) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.view = view;
    }

    /** The name on the wire and in the database, e.g. {@code push_up}. */
    public String wireName() {
        return wireName;
    }

    /** A human-readable name, e.g. "Push-up". */
    public String displayName() {
        return displayName;
    }

    /** The camera view this exercise must be filmed from. */
    public CameraView view() {
        return view;
    }

    /** Whether the exercise is counted in repetitions (all but the plank, which is timed). */
    public boolean countsReps() {
        return this != PLANK;
    }

    /**
     * Maps a client's exercise name to a kind: wire names, display names and common spellings
     * ("Push-ups", "push-up", "pushups", "Squats", "Bicep Curls", "pull ups", "chin-ups").
     * Anything else is empty: such exercises are stored as given and not analysed.
     */
    public static Optional<ExerciseKind> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        String key = sb.toString();
        ExerciseKind direct = ALIASES.get(key);
        if (direct != null) {
            return Optional.of(direct);
        }
        if (key.endsWith("s")) {
            return Optional.ofNullable(ALIASES.get(key.substring(0, key.length() - 1)));
        }
        return Optional.empty();
    }
}
