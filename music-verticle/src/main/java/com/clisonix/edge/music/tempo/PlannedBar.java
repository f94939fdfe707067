package com.clisonix.edge.music.tempo;

import java.util.Objects;

/**
 * The planner's decision for one bar.
 *
 * @param bpm       the tempo to play the bar at (quarter notes per minute)
 * @param targetBpm where the planner is heading; differs from {@code bpm} while a change is
 *                  being ramped at the per-bar limit
 * @param phase     the class phase the bar belongs to
 * @param style     the style to play: the coach's style, or ambient during cool-down
 * @param mode      the mode that produced the target
 */
public record PlannedBar(double bpm, double targetBpm, ClassPhase phase, MusicStyle style, TempoMode mode) {
    public PlannedBar {
        if (!Double.isFinite(bpm) || bpm <= 0) {
            throw new IllegalArgumentException("bpm must be positive, got " + bpm);
        }
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(mode, "mode");
    }

    /** How long the bar lasts in seconds, assuming four quarter notes per bar. */
    public double barSeconds() {
        return 4 * 60.0 / bpm;
    }
}
