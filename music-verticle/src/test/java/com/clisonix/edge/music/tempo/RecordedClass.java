package com.clisonix.edge.music.tempo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A synthetic class for replaying through the planner: an intensity profile over time (minutes
 * since the start, giving the floor's typical %HRR), a dozen athletes scattered around it, and a
 * class start and end signal. The planner is fed bar after bar, each bar lasting as long as its
 * planned tempo says, exactly as the music loop does.
 */
final class RecordedClass {

    static final Instant START = Instant.parse("2025-11-24T18:00:00Z");

    private final DoubleUnaryOperator pctHrrAtMinute;
    private final int athletes;
    private final double spread;
    private final long seed;
    private Optional<Instant> startedAt = Optional.of(START);
    private Optional<Instant> endingAt = Optional.empty();
    private DoubleUnaryOperator bikeRpmAtMinute;
    private DoubleUnaryOperator stepsAtMinute;

    private RecordedClass(DoubleUnaryOperator pctHrrAtMinute, int athletes, double spread, long seed) {
        this.pctHrrAtMinute = pctHrrAtMinute;
        this.athletes = athletes;
        this.spread = spread;
        this.seed = seed;
    }

    /** Warm-up ramp 25-55 % for 5 min, then 2 min hard (85 %) / 2 min easy (50 %) intervals,
     * the end signal at minute 35, then the floor relaxes towards 30 %. */
    static RecordedClass intervalClass(long seed) {
        RecordedClass trace = new RecordedClass(RecordedClass::intervalProfile, 12, 8, seed);
        trace.endingAt = Optional.of(START.plus(Duration.ofMinutes(35)));
        return trace;
    }

    static double intervalProfile(double minute) {
        if (minute < 5) {
            return 25 + 30 * minute / 5;
        }
        if (minute < 35) {
            return ((int) ((minute - 5) / 2)) % 2 == 0 ? 85 : 50;
        }
        return Math.max(30, 70 - 10 * (minute - 35));
    }

    /** Everyone at exactly the same constant intensity, no class (open floor). */
    static RecordedClass steadyOpenFloor(double pctHrr) {
        RecordedClass trace = new RecordedClass(m -> pctHrr, 5, 0, 1);
        trace.startedAt = Optional.empty();
        return trace;
    }

    RecordedClass withBikes(DoubleUnaryOperator rpmAtMinute) {
        this.bikeRpmAtMinute = rpmAtMinute;
        return this;
    }

    RecordedClass withRunners(DoubleUnaryOperator stepsAtMinute) {
        this.stepsAtMinute = stepsAtMinute;
        return this;
    }

    RecordedClass withoutClass() {
        this.startedAt = Optional.empty();
        this.endingAt = Optional.empty();
        return this;
    }

    /** Replays {@code minutes} of the class through the planner, one planned bar per element. */
    List<Bar> replay(TempoPlanner planner, double minutes) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        Instant now = START;
        Instant end = START.plus(Duration.ofMillis((long) (minutes * 60_000)));
        while (now.isBefore(end)) {
            double minute = Duration.between(START, now).toMillis() / 60_000.0;
            PlannerInput input = new PlannerInput(now, scatter(pctHrrAtMinute, minute, random),
                    scatter(bikeRpmAtMinute, minute, random), scatter(stepsAtMinute, minute, random),
                    startedAt, endingAt);
            PlannedBar planned = planner.nextBar(input);
            bars.add(new Bar(now, minute, input, planned));
            now = now.plus(Duration.ofNanos(Math.round(planned.barSeconds() * 1e9)));
        }
        return bars;
    }

    private List<Double> scatter(DoubleUnaryOperator profile, double minute, Random random) {
        List<Double> values = new ArrayList<>();
        if (profile == null) {
            return values;
        }
        double centre = profile.applyAsDouble(minute);
        for (int i = 0; i < athletes; i++) {
            values.add(centre + (random.nextDouble() * 2 - 1) * spread);
        }
        return values;
    }

    /** One replayed bar. */
    record Bar(Instant at, double minute, PlannerInput input, PlannedBar planned) {
        double bpm() {
            return planned.bpm();
        }
    }
}
