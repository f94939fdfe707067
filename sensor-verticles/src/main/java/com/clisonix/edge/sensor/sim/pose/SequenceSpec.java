package com.clisonix.edge.sensor.sim.pose;

import java.util.Objects;

/**
 * What to synthesise: the exercise, how many repetitions at what tempo, which fault, how noisy the
 * "camera" is and how it is placed. Immutable; the {@code with...} methods return changed copies.
 *
 * @param exercise         the exercise acted out
 * @param reps             repetitions attempted (ignored for a plank)
 * @param repSeconds       mean duration of one repetition, start position to start position
 * @param pauseSeconds     rest in the start position between repetitions
 * @param holdSeconds      plank only: how long the plank is held
 * @param fault            form fault built into the movement
 * @param jitterPx         standard deviation of per-landmark pixel noise (x and y)
 * @param occlusionPerSecond expected number of occlusion episodes per second (a limb group's
 *                         visibility collapses for 0.2-0.8 s and its points wander)
 * @param dropRate         probability that a frame is not delivered at all
 * @param fps              camera frame rate
 * @param width            frame width in pixels
 * @param height           frame height in pixels
 * @param cameraYawDeg     0 = the camera looks at the body's side; 90 = at its front
 * @param facingRight      side views: whether the athlete faces the right edge of the image
 * @param world            whether world landmarks (metres) are produced as well
 * @param seed             seed of every random choice, so a spec always yields the same frames
 * @param startMillis      epoch time of the first frame
 */
public record SequenceSpec(
        SimExercise exercise,
        int reps,
        double repSeconds,
        double pauseSeconds,
        double holdSeconds,
        SimFault fault,
        double jitterPx,
        double occlusionPerSecond,
        double dropRate,
        double fps,
        int width,
        int height,
        double cameraYawDeg,
        boolean facingRight,
        boolean world,
        long seed,
        long startMillis) {

    public SequenceSpec {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(fault, "fault");
        if (!fault.appliesTo(exercise)) {
            throw new IllegalArgumentException(fault + " cannot be acted out for " + exercise);
        }
        if (reps < 0 || reps > 500) {
            throw new IllegalArgumentException("reps must be in 0..500");
        }
        if (!(repSeconds >= 0.6 && repSeconds <= 20)) {
            throw new IllegalArgumentException("repSeconds must be in 0.6..20");
        }
        if (!(pauseSeconds >= 0 && holdSeconds >= 0 && jitterPx >= 0 && occlusionPerSecond >= 0)) {
            throw new IllegalArgumentException("durations and noise levels must not be negative");
        }
        if (!(dropRate >= 0 && dropRate < 1)) {
            throw new IllegalArgumentException("dropRate must be in [0, 1)");
        }
        if (!(fps >= 1 && fps <= 240) || width < 64 || height < 64) {
            throw new IllegalArgumentException("fps must be 1..240 and the frame at least 64 px");
        }
    }

    /**
     * A clean side-view (front view for pull-ups) sequence at 30 fps on a 1280x720 camera with
     * light landmark noise: a sensible start for tests and the floor simulator.
     */
    public static SequenceSpec of(SimExercise exercise, int reps, long seed) {
        return new SequenceSpec(exercise, reps, 2.0, 0.4, 20.0, SimFault.NONE, 1.5, 0.0, 0.0,
                30.0, 1280, 720, exercise.filmedFromSide() ? 0.0 : 90.0, true, false, seed,
                1_732_500_000_000L);
    }

    public SequenceSpec withFault(SimFault f) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, holdSeconds, f, jitterPx,
                occlusionPerSecond, dropRate, fps, width, height, cameraYawDeg, facingRight, world,
                seed, startMillis);
    }

    public SequenceSpec withTempo(double repSec, double pauseSec) {
        return new SequenceSpec(exercise, reps, repSec, pauseSec, holdSeconds, fault, jitterPx,
                occlusionPerSecond, dropRate, fps, width, height, cameraYawDeg, facingRight, world,
                seed, startMillis);
    }

    public SequenceSpec withHoldSeconds(double seconds) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, seconds, fault, jitterPx,
                occlusionPerSecond, dropRate, fps, width, height, cameraYawDeg, facingRight, world,
                seed, startMillis);
    }

    public SequenceSpec withNoise(double jitter, double occlusionsPerSecond, double drops) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, holdSeconds, fault, jitter,
                occlusionsPerSecond, drops, fps, width, height, cameraYawDeg, facingRight, world,
                seed, startMillis);
    }

    public SequenceSpec withCamera(double frameRate, int w, int h, double yawDeg, boolean right) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, holdSeconds, fault,
                jitterPx, occlusionPerSecond, dropRate, frameRate, w, h, yawDeg, right, world, seed,
                startMillis);
    }

    public SequenceSpec withWorld(boolean worldLandmarks) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, holdSeconds, fault,
                jitterPx, occlusionPerSecond, dropRate, fps, width, height, cameraYawDeg,
                facingRight, worldLandmarks, seed, startMillis);
    }

    public SequenceSpec withSeed(long newSeed) {
        return new SequenceSpec(exercise, reps, repSeconds, pauseSeconds, holdSeconds, fault,
                jitterPx, occlusionPerSecond, dropRate, fps, width, height, cameraYawDeg,
                facingRight, world, newSeed, startMillis);
    }
}
