package com.clisonix.edge.gateway.stats;

/**
 * Workout streaks in consecutive calendar days.
 *
 * @param current the streak that ends today or yesterday, else 0
 * @param longest the longest streak in the whole history (at least {@code current})
 */
public record Streaks(int current, int longest) {

    /** No workout days at all. */
    public static final Streaks NONE = new Streaks(0, 0);
}
