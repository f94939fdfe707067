package com.clisonix.edge.music.tempo;

import java.time.Duration;
import java.util.Objects;

/**
 * Shape of the tempo at the start and the end of a class.
 *
 * <p>Warm-up: a ceiling rises linearly from {@code warmUpStartBpm} at the class start to the
 * settings' maximum after {@code warmUp}; the planned tempo is the lower of that ceiling and the
 * mode's target, so a floor that arrives hot still gets a gradual start. Cool-down: from the
 * moment the class is signalled as ending, the tempo glides linearly from where it was to
 * {@code coolDownEndBpm} over {@code coolDown}, then stays there.
 *
 * <p>Defaults: the warm-up starts at 115 bpm, the bottom of the "medium" band (115-120 bpm) of
 * Karageorghis et al. 2011, because the slow band was never preferred during exercise; the
 * cool-down ends at 95 bpm, the bottom of that study's "slow" band, which is fine once the work
 * is over. Five minutes of warm-up and three of cool-down are common class structure, not a
 * research figure.
 *
 * @param warmUp         length of the warm-up ceiling ramp
 * @param coolDown       length of the cool-down glide
 * @param warmUpStartBpm ceiling at the class start
 * @param coolDownEndBpm tempo at the end of the glide (clamped into the settings' bounds)
 */
public record PhaseShape(Duration warmUp, Duration coolDown, double warmUpStartBpm, double coolDownEndBpm) {

    public static final PhaseShape DEFAULT = new PhaseShape(Duration.ofMinutes(5), Duration.ofMinutes(3), 115, 95);

    public PhaseShape {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(coolDown, "coolDown");
        if (warmUp.isNegative() || coolDown.isNegative()) {
            throw new IllegalArgumentException("phase durations must not be negative");
        }
        if (!(warmUpStartBpm > 0) || !(coolDownEndBpm > 0)
                || !Double.isFinite(warmUpStartBpm) || !Double.isFinite(coolDownEndBpm)) {
            throw new IllegalArgumentException("phase tempi must be positive numbers");
        }
    }

    /** Fraction (0-1) of a phase of length {@code length} that has passed after {@code elapsed}. */
    static double progress(Duration elapsed, Duration length) {
        if (length.isZero() || elapsed.compareTo(length) >= 0) {
            return 1.0;
        }
        if (elapsed.isNegative()) {
            return 0.0;
        }
        return (double) elapsed.toNanos() / length.toNanos();
    }
}
