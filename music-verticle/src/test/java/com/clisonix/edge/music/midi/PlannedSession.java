package com.clisonix.edge.music.midi;

import com.clisonix.edge.music.tempo.PlannedBar;
import com.clisonix.edge.music.tempo.PlannerInput;
import com.clisonix.edge.music.tempo.TempoPlanner;
import com.clisonix.edge.music.tempo.TempoSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The music loop in miniature: the planner picks each bar's tempo from a floor whose intensity
 * climbs, peaks and drops, and the generator renders the bar at that tempo. The class ends
 * partway through so the stream also contains cool-down bars in the ambient style.
 */
final class PlannedSession {

    static final Instant START = Instant.parse("2025-11-24T18:00:00Z");

    private PlannedSession() {
    }

    /** {@code barCount} bars of a class that ends (cool-down) after {@code endAfterMinutes}. */
    static List<GrooveBar> bars(long seed, int barCount, double endAfterMinutes) {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        GrooveGenerator generator = new GrooveGenerator(seed);
        List<GrooveBar> bars = new ArrayList<>();
        Instant now = START;
        Instant startedAt = START.minus(Duration.ofMinutes(4));
        Instant endingAt = START.plus(Duration.ofMillis((long) (endAfterMinutes * 60_000)));
        for (int i = 0; i < barCount; i++) {
            double minute = Duration.between(START, now).toMillis() / 60_000.0;
            double pct = minute < 1 ? 40 + 50 * minute : 90 - 20 * Math.min(1, minute - 1);
            PlannerInput input = new PlannerInput(now, List.of(pct - 3, pct, pct + 4), List.of(), List.of(),
                    Optional.of(startedAt), Optional.of(endingAt));
            PlannedBar planned = planner.nextBar(input);
            bars.add(generator.nextBar(planned));
            now = now.plus(Duration.ofNanos(Math.round(planned.barSeconds() * 1e9)));
        }
        return bars;
    }
}
