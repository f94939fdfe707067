package com.clisonix.edge.music.tempo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Plans the class tempo one bar at a time.
 *
 * <p>Pipeline for each bar: the mode gives a raw target (intensity curve, cadence lock or the
 * coach's tempo); sensor-driven targets pass a small hysteresis so that a wobbling median does
 * not produce a tempo change every bar; the class phase shapes the target (warm-up ceiling,
 * cool-down glide, see {@link PhaseShape}); the result is clamped into the coach's bounds; and
 * finally the step from the previous bar is limited to 3 %.
 *
 * <p>The 3 % limit keeps every change below the roughly 4 % tempo difference listeners notice;
 * Van Dyck et al. 2015 shifted tempo by 1-3 % for that reason (training-science.md §8). The limit
 * wins over the bounds: if the coach narrows the bounds so that the current tempo falls outside
 * them, the planner walks into the new range at the limit instead of jumping (a few bars).
 *
 * <p>Deterministic: the result depends only on the settings, the shape, the sequence of inputs
 * and the tempo of the previous bar; no clock is read. Not thread-safe: confine an instance to
 * one thread (the music verticle's context).
 */
public final class TempoPlanner {

    /** Largest relative tempo change from one bar to the next. */
    public static final double MAX_CHANGE_PER_BAR = 0.03;
    /**
     * A sensor-driven target only moves once it differs from the held one by this much. Half a
     * bpm is far below what anyone hears, and it stops per-bar tempo events caused by medians
     * flickering between neighbouring values.
     */
    public static final double TARGET_HYSTERESIS_BPM = 0.5;

    private static final double PCT_HRR_LOW = 0;
    private static final double PCT_HRR_HIGH = 150;
    private static final double CADENCE_LOW = 20;
    private static final double CADENCE_HIGH = 260;

    private final PhaseShape shape;
    private TempoSettings settings;
    private double currentBpm = Double.NaN;
    private double heldTarget = Double.NaN;
    private double coolDownFromBpm = Double.NaN;
    private Instant coolDownAnchor;

    /** A planner with the default warm-up and cool-down shape. */
    public TempoPlanner(TempoSettings settings) {
        this(settings, PhaseShape.DEFAULT);
    }

    public TempoPlanner(TempoSettings settings, PhaseShape shape) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /** The settings in force. */
    public TempoSettings settings() {
        return settings;
    }

    /**
     * Replaces the settings from the next bar on. The tempo that is playing is kept and moves to
     * the new target at the per-bar limit.
     */
    public void updateSettings(TempoSettings newSettings) {
        Objects.requireNonNull(newSettings, "newSettings");
        if (newSettings.mode() != settings.mode()) {
            heldTarget = Double.NaN;
        }
        settings = newSettings;
    }

    /** Tempo of the last planned bar; empty before the first bar. */
    public OptionalDouble currentBpm() {
        return Double.isNaN(currentBpm) ? OptionalDouble.empty() : OptionalDouble.of(currentBpm);
    }

    /** Plans the next bar. */
    public PlannedBar nextBar(PlannerInput in) {
        Objects.requireNonNull(in, "in");
        ClassPhase phase = phaseOf(in);
        double target = settle(modeTarget(in));
        target = settings.clamp(shapeForPhase(phase, target, in));
        double bpm = limitStep(target);
        currentBpm = bpm;
        MusicStyle style = phase == ClassPhase.COOL_DOWN ? MusicStyle.AMBIENT : settings.style();
        return new PlannedBar(bpm, target, phase, style, settings.mode());
    }

    /** The class phase the input describes. */
    public ClassPhase phaseOf(PlannerInput in) {
        if (in.classEndingAt().isPresent() && !in.now().isBefore(in.classEndingAt().get())) {
            return ClassPhase.COOL_DOWN;
        }
        if (in.classStartedAt().isEmpty()) {
            return ClassPhase.OPEN_FLOOR;
        }
        Duration sinceStart = Duration.between(in.classStartedAt().get(), in.now());
        return sinceStart.compareTo(shape.warmUp()) < 0 ? ClassPhase.WARM_UP : ClassPhase.MAIN;
    }

    private double modeTarget(PlannerInput in) {
        switch (settings.mode()) {
            case MANUAL:
                // validation guarantees a manual tempo in manual mode
                return settings.manualBpm().orElse(holdValue());
            case CADENCE: {
                OptionalDouble locked = cadenceTarget(in);
                if (locked.isPresent()) {
                    return locked.getAsDouble();
                }
                return intensityTarget(in).orElse(holdValue());
            }
            case INTENSITY:
            default:
                return intensityTarget(in).orElse(holdValue());
        }
    }

    private OptionalDouble intensityTarget(PlannerInput in) {
        OptionalDouble median = FloorStatistics.median(in.pctHrr(), PCT_HRR_LOW, PCT_HRR_HIGH);
        if (median.isEmpty()) {
            return OptionalDouble.empty();
        }
        long runners = FloorStatistics.countUsable(in.stepRatesSpm(), CADENCE_LOW, CADENCE_HIGH);
        long riders = FloorStatistics.countUsable(in.bikeCadencesRpm(), CADENCE_LOW, CADENCE_HIGH);
        IntensityTempoCurve.Modality modality = runners > riders
                ? IntensityTempoCurve.Modality.RUNNING : IntensityTempoCurve.Modality.CYCLING;
        return OptionalDouble.of(IntensityTempoCurve.bpmFor(median.getAsDouble(), modality));
    }

    /** Locks to whichever movement more athletes report; pedalling wins a tie. */
    private OptionalDouble cadenceTarget(PlannerInput in) {
        long runners = FloorStatistics.countUsable(in.stepRatesSpm(), CADENCE_LOW, CADENCE_HIGH);
        long riders = FloorStatistics.countUsable(in.bikeCadencesRpm(), CADENCE_LOW, CADENCE_HIGH);
        if (runners == 0 && riders == 0) {
            return OptionalDouble.empty();
        }
        OptionalDouble median = runners > riders
                ? FloorStatistics.median(in.stepRatesSpm(), CADENCE_LOW, CADENCE_HIGH)
                : FloorStatistics.median(in.bikeCadencesRpm(), CADENCE_LOW, CADENCE_HIGH);
        return CadenceLock.lock(median.getAsDouble(), settings.minBpm(), settings.maxBpm(), currentBpm);
    }

    /** Without a fresh opinion the music keeps its tempo; at the very start it takes the curve's floor. */
    private double holdValue() {
        return Double.isNaN(currentBpm) ? IntensityTempoCurve.floorBpm() : currentBpm;
    }

    private double settle(double rawTarget) {
        if (settings.mode() == TempoMode.MANUAL) {
            heldTarget = Double.NaN;
            return rawTarget;
        }
        if (Double.isNaN(heldTarget) || Math.abs(rawTarget - heldTarget) >= TARGET_HYSTERESIS_BPM) {
            heldTarget = rawTarget;
        }
        return heldTarget;
    }

    private double shapeForPhase(ClassPhase phase, double target, PlannerInput in) {
        if (phase != ClassPhase.COOL_DOWN) {
            coolDownFromBpm = Double.NaN;
            coolDownAnchor = null;
        }
        switch (phase) {
            case WARM_UP: {
                double progress = PhaseShape.progress(
                        Duration.between(in.classStartedAt().orElseThrow(), in.now()), shape.warmUp());
                double ceiling = lerp(shape.warmUpStartBpm(), settings.maxBpm(), progress);
                return Math.min(target, ceiling);
            }
            case COOL_DOWN: {
                Instant endingAt = in.classEndingAt().orElseThrow();
                if (Double.isNaN(coolDownFromBpm) || !endingAt.equals(coolDownAnchor)) {
                    coolDownFromBpm = Double.isNaN(currentBpm) ? target : currentBpm;
                    coolDownAnchor = endingAt;
                }
                double progress = PhaseShape.progress(Duration.between(endingAt, in.now()), shape.coolDown());
                return lerp(coolDownFromBpm, shape.coolDownEndBpm(), progress);
            }
            default:
                return target;
        }
    }

    private double limitStep(double target) {
        if (Double.isNaN(currentBpm)) {
            return target;
        }
        double lowest = currentBpm * (1 - MAX_CHANGE_PER_BAR);
        double highest = currentBpm * (1 + MAX_CHANGE_PER_BAR);
        return Math.max(lowest, Math.min(highest, target));
    }

    private static double lerp(double from, double to, double fraction) {
        return from + (to - from) * fraction;
    }
}
