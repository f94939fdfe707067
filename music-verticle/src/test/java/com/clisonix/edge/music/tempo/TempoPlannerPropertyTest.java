package com.clisonix.edge.music.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random floors, random settings, random class signals: the per-bar limit and the bounds must
 * hold whatever happens.
 */
class TempoPlannerPropertyTest {

    @Test
    void stepLimitAndBoundsHoldForRandomFloors() {
        qt().withExamples(150)
                .forAll(longs().all(), doubles().between(40, 200), doubles().between(1, 80), integers().between(0, 2))
                .checkAssert((seed, min, width, modeIndex) -> {
                    double max = Math.min(240, min + width);
                    TempoMode mode = TempoMode.values()[modeIndex];
                    Random random = new Random(seed);
                    OptionalDouble manual = mode == TempoMode.MANUAL
                            ? OptionalDouble.of(min + random.nextDouble() * (max - min)) : OptionalDouble.empty();
                    TempoSettings settings = ((SettingsValidation.Valid) TempoSettings.validate(
                            mode, MusicStyle.ROCK, min, max, manual)).settings();
                    List<Double> bpms = replayRandomFloor(new TempoPlanner(settings), random, 300);
                    for (int i = 0; i < bpms.size(); i++) {
                        assertThat(bpms.get(i)).isBetween(min, max);
                        if (i > 0) {
                            // training-science.md §8: steps of at most 3 %
                            assertThat(Math.abs(bpms.get(i) / bpms.get(i - 1) - 1)).isLessThanOrEqualTo(0.03 + 1e-9);
                        }
                    }
                });
    }

    @Test
    void replayIsDeterministic() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            List<Double> first = replayRandomFloor(new TempoPlanner(TempoSettings.DEFAULTS), new Random(seed), 200);
            List<Double> second = replayRandomFloor(new TempoPlanner(TempoSettings.DEFAULTS), new Random(seed), 200);
            assertThat(second).isEqualTo(first);
        });
    }

    private static List<Double> replayRandomFloor(TempoPlanner planner, Random random, int barCount) {
        Instant start = Instant.parse("2025-11-24T07:00:00Z");
        Instant now = start;
        Optional<Instant> startedAt = random.nextBoolean() ? Optional.of(start) : Optional.empty();
        Optional<Instant> endingAt = random.nextBoolean()
                ? Optional.of(start.plusSeconds(60 + random.nextInt(400))) : Optional.empty();
        List<Double> bpms = new ArrayList<>();
        for (int bar = 0; bar < barCount; bar++) {
            PlannerInput input = new PlannerInput(now, randomValues(random, -20, 140),
                    randomValues(random, -10, 220), randomValues(random, -10, 260), startedAt, endingAt);
            PlannedBar planned = planner.nextBar(input);
            bpms.add(planned.bpm());
            now = now.plus(Duration.ofMillis(Math.round(planned.barSeconds() * 1000)));
        }
        return bpms;
    }

    private static List<Double> randomValues(Random random, double low, double high) {
        int count = random.nextInt(6);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(random.nextInt(20) == 0 ? Double.NaN : low + random.nextDouble() * (high - low));
        }
        return values;
    }
}
