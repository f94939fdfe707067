package com.clisonix.edge.music.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.music.tempo.PlannerInput;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloorMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void keepsTheLatestValuesPerAthleteAndSplitsCadenceByMovement() {
        FloorMetrics floor = new FloorMetrics();
        floor.accept("a", 50.0, 60.0, T0);
        floor.accept("a", 70.0, 88.0, T0.plusSeconds(1));
        floor.accept("b", 80.0, 172.0, T0.plusSeconds(1));
        floor.accept("c", 65.0, 28.0, T0.plusSeconds(1));
        floor.accept("d", null, null, T0.plusSeconds(1));

        PlannerInput in = floor.input(T0.plusSeconds(2), Optional.of(T0), Optional.empty());

        assertThat(in.now()).isEqualTo(T0.plusSeconds(2));
        assertThat(in.pctHrr()).containsExactly(70.0, 80.0, 65.0);
        assertThat(in.bikeCadencesRpm()).as("88 rpm pedalling; a rower's 28 strokes are not locked to").containsExactly(88.0);
        assertThat(in.stepRatesSpm()).containsExactly(172.0);
        assertThat(in.classStartedAt()).contains(T0);
        assertThat(in.classEndingAt()).isEmpty();
    }

    @Test
    void anAthleteSilentForSixtySecondsLeavesTheFloor() {
        FloorMetrics floor = new FloorMetrics();
        floor.accept("a", 70.0, null, T0);
        floor.accept("b", 90.0, null, T0.plusSeconds(30));

        assertThat(floor.input(T0.plusSeconds(59), Optional.empty(), Optional.empty()).pctHrr()).containsExactly(70.0, 90.0);
        assertThat(floor.input(T0.plusSeconds(60), Optional.empty(), Optional.empty()).pctHrr()).containsExactly(90.0);
        assertThat(floor.athletes()).isEqualTo(1);
        floor.accept("b", 91.0, null, T0.plusSeconds(80));
        assertThat(floor.input(T0.plusSeconds(100), Optional.empty(), Optional.empty()).pctHrr()).containsExactly(91.0);
        assertThat(floor.input(T0.plusSeconds(140), Optional.empty(), Optional.empty()).pctHrr()).isEmpty();
    }

    @Test
    void nonFiniteValuesAreUnknown() {
        FloorMetrics floor = new FloorMetrics();
        floor.accept("a", Double.NaN, Double.POSITIVE_INFINITY, T0);
        PlannerInput in = floor.input(T0, Optional.empty(), Optional.empty());
        assertThat(in.pctHrr()).isEmpty();
        assertThat(in.bikeCadencesRpm()).isEmpty();
        assertThat(in.stepRatesSpm()).isEmpty();
        assertThat(floor.athletes()).isEqualTo(1);
    }
}
