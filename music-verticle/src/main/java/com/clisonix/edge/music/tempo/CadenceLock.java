package com.clisonix.edge.music.tempo;

import java.util.OptionalDouble;

/**
 * Chooses a tempo that is locked to a movement cadence: the cadence itself, its half or its
 * double (training-science.md §8: in synchronous mode bpm = cadence, or half or double).
 *
 * <p>Policy when several of those fit the bounds: the one closest (by ratio) to the tempo that
 * is playing, so a cadence drifting across an octave boundary does not make the music leap; with
 * nothing playing yet, 1:1 wins, then double, then half. When none fits, the candidate nearest
 * to the bounds (by ratio) is clamped onto them: the music stays as close to the movement as the
 * coach's bounds allow.
 */
public final class CadenceLock {

    private static final double[] MULTIPLIERS = {1.0, 2.0, 0.5};

    private CadenceLock() {
    }

    /**
     * Tempo for a cadence.
     *
     * @param cadence    median cadence in rpm or steps per minute; must be positive
     * @param minBpm     lower bound
     * @param maxBpm     upper bound
     * @param currentBpm tempo now playing, or {@code NaN} when nothing plays yet
     * @return the locked tempo, or empty for a non-positive or non-finite cadence
     */
    public static OptionalDouble lock(double cadence, double minBpm, double maxBpm, double currentBpm) {
        if (!Double.isFinite(cadence) || cadence <= 0) {
            return OptionalDouble.empty();
        }
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double multiplier : MULTIPLIERS) {
            double candidate = cadence * multiplier;
            if (candidate < minBpm || candidate > maxBpm) {
                continue;
            }
            double distance = Double.isNaN(currentBpm) ? 0 : Math.abs(Math.log(candidate / currentBpm));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (!Double.isNaN(best)) {
            return OptionalDouble.of(best);
        }
        for (double multiplier : MULTIPLIERS) {
            double candidate = cadence * multiplier;
            double clamped = Math.max(minBpm, Math.min(maxBpm, candidate));
            double distance = Math.abs(Math.log(candidate / clamped));
            if (distance < bestDistance) {
                best = clamped;
                bestDistance = distance;
            }
        }
        return OptionalDouble.of(best);
    }
}
