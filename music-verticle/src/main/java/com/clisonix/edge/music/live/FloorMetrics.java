package com.clisonix.edge.music.live;

import com.clisonix.edge.music.tempo.PlannerInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest tempo-relevant values of every athlete on the floor, as the {@code AthleteMetrics}
 * objects of {@code floor.metrics} report them, turned into a {@link PlannerInput} per bar.
 *
 * <p>An athlete counts until they have been silent for {@link #SILENCE}: the contract calls an
 * athlete active while they have a reading in the last 60 s, and analysis emits at most once a
 * second, so a minute without a message means the strap is off or the athlete left.
 *
 * <p>{@code AthleteMetrics} has one {@code cadence} field with no movement kind (rpm for bikes,
 * steps per minute for runners, strokes per minute for rowers). It is split by value:
 * {@value #STEP_RATE_FROM} per minute and above is a step rate (running is 150-190 steps/min,
 * pedalling above 130 rpm is a sprint spin nobody holds); {@value #PEDALLING_FROM} up to that is
 * a pedalling cadence; below {@value #PEDALLING_FROM} (rowing strokes, a bike coasting to a stop)
 * is not used for the lock, because no tempo in the bounds follows it at 1:1, 2:1 or 1:2.
 *
 * <p>Not thread-safe: confine to the music verticle's context. Time comes from the caller.
 */
public final class FloorMetrics {

    /** How long an athlete stays on the floor without a message. */
    public static final Duration SILENCE = Duration.ofSeconds(60);
    /** Lowest cadence read as pedalling, per minute. */
    public static final double PEDALLING_FROM = 40;
    /** Lowest cadence read as a step rate, per minute. */
    public static final double STEP_RATE_FROM = 130;

    private record Latest(Double pctHrr, Double cadence, Instant seenAt) {
    }

    private final Map<String, Latest> byAthlete = new HashMap<>();

    /**
     * Keeps an athlete's latest values. A null field (unknown) keeps no older value: the newest
     * message is the athlete's state.
     *
     * @param receivedAt when the message arrived on the box (not its {@code ts}: a bridge
     *                   replaying a buffered hour must not make the floor look busy now)
     */
    public void accept(String userId, Double pctHrr, Double cadence, Instant receivedAt) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        byAthlete.put(userId, new Latest(finite(pctHrr), finite(cadence), receivedAt));
    }

    /** Drops athletes silent for {@link #SILENCE} or longer at {@code now}. */
    public void expire(Instant now) {
        Instant cutoff = now.minus(SILENCE);
        byAthlete.values().removeIf(l -> !l.seenAt().isAfter(cutoff));
    }

    /** Athletes currently counted. */
    public int athletes() {
        return byAthlete.size();
    }

    /**
     * The planner's input for a bar starting at {@code barStart}, after dropping silent athletes.
     *
     * @param startedAt the class (or open-floor session) start, if any
     * @param endingAt  when the end was signalled, if it was
     */
    public PlannerInput input(Instant barStart, Optional<Instant> startedAt, Optional<Instant> endingAt) {
        expire(barStart);
        List<Double> pct = new ArrayList<>();
        List<Double> bikes = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        // sorted by athlete so the planner sees the same list order for the same floor
        byAthlete.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Latest l = e.getValue();
            if (l.pctHrr() != null) {
                pct.add(l.pctHrr());
            }
            Double c = l.cadence();
            if (c != null && c >= STEP_RATE_FROM) {
                steps.add(c);
            } else if (c != null && c >= PEDALLING_FROM) {
                bikes.add(c);
            }
        });
        return new PlannerInput(barStart, pct, bikes, steps, startedAt, endingAt);
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
