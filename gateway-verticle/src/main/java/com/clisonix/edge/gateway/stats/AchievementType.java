package com.clisonix.edge.gateway.stats;

import java.util.Optional;

/**
 * The kinds of achievement, with the names stored in {@code user_achievements.achievement_type}.
 *
 * <p>Personal records hold one current value per kind (and per exercise for the per-exercise
 * kinds) and are replaced when beaten. Streak milestones are awarded once each, the first time the
 * streak reaches their length, and never replaced; each milestone is its own kind so that the
 * table's (type, exercise) key keeps one row per milestone.
 */
public enum AchievementType {
    /** Longest counted workout. */
    LONGEST_WORKOUT("longest_workout", "minutes", false, 0),
    /** Most calories burned in one workout. */
    MOST_CALORIES("most_calories", "kcal", false, 0),
    /** Best form score of one exercise entry, per exercise. */
    BEST_FORM_SCORE("best_form_score", "points", true, 0),
    /** Most repetitions in one exercise entry, per exercise (not for held exercises). */
    MOST_REPS("most_reps", "reps", true, 0),
    /** Longest hold in one exercise entry, per held exercise (the plank). */
    LONGEST_HOLD("longest_hold", "seconds", true, 0),
    STREAK_3_DAYS("streak_3_days", "days", false, 3),
    STREAK_7_DAYS("streak_7_days", "days", false, 7),
    STREAK_14_DAYS("streak_14_days", "days", false, 14),
    STREAK_30_DAYS("streak_30_days", "days", false, 30),
    STREAK_60_DAYS("streak_60_days", "days", false, 60),
    STREAK_100_DAYS("streak_100_days", "days", false, 100);

    private final String wireName;
    private final String unit;
    private final boolean perExercise;
    private final int milestoneDays;

    AchievementType(String wireName, String unit, boolean perExercise, int milestoneDays) {
        this.wireName = wireName;
        this.unit = unit;
        this.perExercise = perExercise;
        this.milestoneDays = milestoneDays;
    }

    /** The stored name, e.g. {@code most_reps}. */
    public String wireName() {
        return wireName;
    }

    /** The unit of the achievement's value. */
    public String unit() {
        return unit;
    }

    /** Whether there is one achievement of this kind per exercise name. */
    public boolean perExercise() {
        return perExercise;
    }

    /** Whether this is a streak milestone (awarded once, never replaced). */
    public boolean milestone() {
        return milestoneDays > 0;
    }

    /** The streak length of a milestone, 0 for a personal record. */
    public int milestoneDays() {
        return milestoneDays;
    }

    /** The kind stored under {@code wireName}, if any. */
    public static Optional<AchievementType> fromWireName(String wireName) {
        for (AchievementType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
