package com.clisonix.edge.music.tempo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The floor's state when the next bar is planned. The planner reads no clock and no shared
 * state: everything it depends on is in here, which makes a recorded trace replayable.
 *
 * <p>Lists hold one value per active athlete; {@code null} entries (an unknown metric) are
 * dropped on construction.
 *
 * @param now             when the next bar starts
 * @param pctHrr          each active athlete's heart-rate reserve in percent (0-100, the
 *                        {@code pct_hrr} of {@code AthleteMetrics})
 * @param bikeCadencesRpm each pedalling athlete's cadence in revolutions per minute
 * @param stepRatesSpm    each running athlete's step rate in steps per minute
 * @param classStartedAt  when the current class started; empty on an open floor
 * @param classEndingAt   when the coach signalled the end of the class (cool-down begins);
 *                        empty while the class is not ending
 */
public record PlannerInput(
        Instant now,
        List<Double> pctHrr,
        List<Double> bikeCadencesRpm,
        List<Double> stepRatesSpm,
        Optional<Instant> classStartedAt,
        Optional<Instant> classEndingAt) {

    public PlannerInput {
        Objects.requireNonNull(now, "now");
        pctHrr = withoutNulls(pctHrr);
        bikeCadencesRpm = withoutNulls(bikeCadencesRpm);
        stepRatesSpm = withoutNulls(stepRatesSpm);
        classStartedAt = classStartedAt == null ? Optional.empty() : classStartedAt;
        classEndingAt = classEndingAt == null ? Optional.empty() : classEndingAt;
    }

    /** An open floor (no class) with the given intensities and no cadence data. */
    public static PlannerInput openFloor(Instant now, List<Double> pctHrr) {
        return new PlannerInput(now, pctHrr, List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** This input with the class start set. */
    public PlannerInput withClassStartedAt(Instant startedAt) {
        return new PlannerInput(now, pctHrr, bikeCadencesRpm, stepRatesSpm, Optional.of(startedAt), classEndingAt);
    }

    /** This input with the end-of-class signal set. */
    public PlannerInput withClassEndingAt(Instant endingAt) {
        return new PlannerInput(now, pctHrr, bikeCadencesRpm, stepRatesSpm, classStartedAt, Optional.of(endingAt));
    }

    /** This input with the given cadences (either list may be empty). */
    public PlannerInput withCadences(List<Double> bikeRpm, List<Double> stepsPerMinute) {
        return new PlannerInput(now, pctHrr, bikeRpm, stepsPerMinute, classStartedAt, classEndingAt);
    }

    private static List<Double> withoutNulls(List<Double> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).toList();
    }
}
