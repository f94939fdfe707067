package com.clisonix.edge.music.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TempoPlannerTest {

    /** training-science.md §8 and midi.md §5: steps of at most 3 % per bar. */
    private static final double MAX_STEP = 0.03;
    private static final double EPSILON = 1e-9;

    @Test
    void intervalClassNeverChangesMoreThanThreePercentPerBarAndStaysInBounds() {
        for (double[] bounds : new double[][] {{90, 160}, {110, 130}, {60, 200}, {128, 140}}) {
            TempoSettings settings = settings(TempoMode.INTENSITY, bounds[0], bounds[1], null);
            List<RecordedClass.Bar> bars = RecordedClass.intervalClass(11).replay(new TempoPlanner(settings), 40);
            assertThat(bars).hasSizeGreaterThan(1000);
            assertStepsAndBounds(bars, bounds[0], bounds[1]);
        }
    }

    @Test
    void sameInputTwiceGivesIdenticalBars() {
        TempoSettings settings = TempoSettings.DEFAULTS;
        List<RecordedClass.Bar> first = RecordedClass.intervalClass(5).replay(new TempoPlanner(settings), 40);
        List<RecordedClass.Bar> second = RecordedClass.intervalClass(5).replay(new TempoPlanner(settings), 40);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).planned()).isEqualTo(first.get(i).planned());
            assertThat(second.get(i).at()).isEqualTo(first.get(i).at());
        }
    }

    @Test
    void warmUpStaysUnderARisingCeiling() {
        List<RecordedClass.Bar> bars = RecordedClass.intervalClass(3).replay(new TempoPlanner(TempoSettings.DEFAULTS), 6);
        assertThat(bars.get(0).planned().phase()).isEqualTo(ClassPhase.WARM_UP);
        for (RecordedClass.Bar bar : bars) {
            if (bar.minute() < 5) {
                assertThat(bar.planned().phase()).isEqualTo(ClassPhase.WARM_UP);
                // docs/music.md "Warm-up": ceiling 115 bpm at the start, rising to max_bpm (160) at 5 min
                double ceiling = 115 + (160 - 115) * bar.minute() / 5;
                assertThat(bar.bpm()).isLessThanOrEqualTo(ceiling + EPSILON);
            } else {
                assertThat(bar.planned().phase()).isEqualTo(ClassPhase.MAIN);
            }
        }
        assertThat(bars.get(0).bpm()).isLessThanOrEqualTo(115.0);
    }

    @Test
    void settledBarsFollowTheCurveOfTheFloorMedian() {
        List<RecordedClass.Bar> bars = RecordedClass.intervalClass(9).replay(new TempoPlanner(TempoSettings.DEFAULTS), 35);
        int checked = 0;
        for (RecordedClass.Bar bar : bars) {
            double intoBlock = (bar.minute() - 5) % 4;
            boolean settledHard = bar.minute() > 5 && intoBlock > 1 && intoBlock < 2;
            boolean settledEasy = bar.minute() > 5 && intoBlock > 3;
            if (!settledHard && !settledEasy) {
                continue;
            }
            // the planner may sit up to its 0.5 bpm hysteresis away from the curve at the median
            double expected = cyclingCurve(median(bar.input().pctHrr()));
            assertThat(bar.bpm()).as("minute %.2f", bar.minute()).isCloseTo(expected, within(0.5 + EPSILON));
            if (settledHard) {
                // training-science.md §8: 125-140 bpm preferred for moderate-to-hard cycling
                assertThat(bar.bpm()).isBetween(125.0, 140.0);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }

    /** The documented anchors of docs/music.md, interpolated here independently of the code. */
    private static double cyclingCurve(double pct) {
        double[][] anchors = {{30, 115}, {40, 118}, {60, 126}, {75, 133}, {90, 140}};
        if (pct <= 30) {
            return 115;
        }
        for (int i = 1; i < anchors.length; i++) {
            if (pct <= anchors[i][0]) {
                double f = (pct - anchors[i - 1][0]) / (anchors[i][0] - anchors[i - 1][0]);
                return anchors[i - 1][1] + f * (anchors[i][1] - anchors[i - 1][1]);
            }
        }
        return 140;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Test
    void coolDownGlidesDownToNinetyFiveInAmbientStyle() {
        List<RecordedClass.Bar> bars = RecordedClass.intervalClass(4).replay(new TempoPlanner(TempoSettings.DEFAULTS), 40);
        List<RecordedClass.Bar> coolDown = bars.stream().filter(b -> b.minute() >= 35).toList();
        assertThat(coolDown).isNotEmpty();
        for (int i = 0; i < coolDown.size(); i++) {
            PlannedBar planned = coolDown.get(i).planned();
            assertThat(planned.phase()).isEqualTo(ClassPhase.COOL_DOWN);
            assertThat(planned.style()).isEqualTo(MusicStyle.AMBIENT);
            if (i > 0) {
                assertThat(planned.bpm()).isLessThanOrEqualTo(coolDown.get(i - 1).bpm() + EPSILON);
            }
        }
        // docs/music.md "Cool-down": 95 bpm three minutes after the end signal
        RecordedClass.Bar last = coolDown.get(coolDown.size() - 1);
        assertThat(last.minute()).isGreaterThan(38);
        assertThat(last.bpm()).isCloseTo(95.0, within(EPSILON));
        assertThat(bars.stream().filter(b -> b.minute() < 35))
                .allMatch(b -> b.planned().style() == MusicStyle.HOUSE);
    }

    @Test
    void steadyIntensityConvergesToTheCurveValue() {
        // 60 %HRR on an open floor of riders -> 126 bpm, the bottom of the 125-140 cycling window
        List<RecordedClass.Bar> bars = RecordedClass.steadyOpenFloor(60).replay(new TempoPlanner(TempoSettings.DEFAULTS), 2);
        assertThat(bars).allMatch(b -> b.planned().phase() == ClassPhase.OPEN_FLOOR);
        assertThat(bars.get(bars.size() - 1).bpm()).isEqualTo(126.0);
        // runners instead: 60 %HRR -> 123 bpm, the bottom of the 123-131 treadmill window
        List<RecordedClass.Bar> running = RecordedClass.steadyOpenFloor(60).withRunners(m -> 165)
                .replay(new TempoPlanner(TempoSettings.DEFAULTS), 2);
        assertThat(running.get(running.size() - 1).bpm()).isEqualTo(123.0);
    }

    @Test
    void cadenceModeLocksToPedallingCadence() {
        TempoSettings cadence = settings(TempoMode.CADENCE, 90, 160, null);
        // 60 rpm -> 120 bpm (training-science.md §8: bpm = cadence, half or double)
        List<RecordedClass.Bar> bars = RecordedClass.steadyOpenFloor(70).withBikes(m -> 60)
                .replay(new TempoPlanner(cadence), 2);
        assertThat(bars.get(0).bpm()).isEqualTo(120.0);
        assertThat(bars).allMatch(b -> b.bpm() == 120.0);
    }

    @Test
    void cadenceModeLocksToStepRateHalfOrOneToOne() {
        TempoPlanner low = new TempoPlanner(settings(TempoMode.CADENCE, 80, 160, null));
        assertThat(low.nextBar(runners(170)).bpm()).isEqualTo(85.0);
        TempoPlanner high = new TempoPlanner(settings(TempoMode.CADENCE, 90, 180, null));
        assertThat(high.nextBar(runners(170)).bpm()).isEqualTo(170.0);
    }

    @Test
    void cadenceChangeIsFollowedAtTheRateLimit() {
        TempoPlanner planner = new TempoPlanner(settings(TempoMode.CADENCE, 90, 180, null));
        assertThat(planner.nextBar(runners(150)).bpm()).isEqualTo(150.0);
        double previous = 150;
        for (int bar = 0; bar < 20; bar++) {
            double bpm = planner.nextBar(runners(170)).bpm();
            assertThat(Math.abs(bpm / previous - 1)).isLessThanOrEqualTo(MAX_STEP + EPSILON);
            previous = bpm;
        }
        assertThat(previous).isEqualTo(170.0);
    }

    @Test
    void cadenceModeWithoutCadenceFallsBackToIntensity() {
        TempoPlanner planner = new TempoPlanner(settings(TempoMode.CADENCE, 90, 160, null));
        PlannedBar bar = planner.nextBar(PlannerInput.openFloor(RecordedClass.START, List.of(90.0)));
        assertThat(bar.bpm()).isEqualTo(140.0);
    }

    @Test
    void manualModeRampsToTheCoachsTempoAndHoldsIt() {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        PlannerInput hot = PlannerInput.openFloor(RecordedClass.START, List.of(95.0, 92.0, 90.0));
        assertThat(planner.nextBar(hot).bpm()).isEqualTo(140.0);
        planner.updateSettings(settings(TempoMode.MANUAL, 90, 160, 100.0));
        double previous = 140;
        int bars = 0;
        while (previous != 100.0 && bars < 50) {
            double bpm = planner.nextBar(hot).bpm();
            assertThat(bpm).isLessThan(previous);
            assertThat(1 - bpm / previous).isLessThanOrEqualTo(MAX_STEP + EPSILON);
            previous = bpm;
            bars++;
        }
        // ln(140/100) / -ln(0.97) = 11.05, so twelve bars
        assertThat(bars).isEqualTo(12);
        for (int i = 0; i < 10; i++) {
            PlannedBar bar = planner.nextBar(hot);
            assertThat(bar.bpm()).isEqualTo(100.0);
            assertThat(bar.mode()).isEqualTo(TempoMode.MANUAL);
        }
    }

    @Test
    void narrowedBoundsAreReachedWithoutAJump() {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        PlannerInput hot = PlannerInput.openFloor(RecordedClass.START, List.of(95.0));
        assertThat(planner.nextBar(hot).bpm()).isEqualTo(140.0);
        planner.updateSettings(settings(TempoMode.INTENSITY, 90, 120, null));
        double previous = 140;
        for (int i = 0; i < 30; i++) {
            double bpm = planner.nextBar(hot).bpm();
            assertThat(Math.abs(bpm / previous - 1)).isLessThanOrEqualTo(MAX_STEP + EPSILON);
            previous = bpm;
        }
        assertThat(previous).isEqualTo(120.0);
    }

    @Test
    void flickeringMedianDoesNotProduceTempoChanges() {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        Instant now = RecordedClass.START;
        double first = planner.nextBar(PlannerInput.openFloor(now, List.of(60.0))).bpm();
        for (int i = 0; i < 40; i++) {
            // 60.0 vs 60.5 %HRR differ by 0.2 bpm on the curve, under the 0.5 bpm hysteresis
            double pct = i % 2 == 0 ? 60.5 : 60.0;
            now = now.plus(Duration.ofSeconds(2));
            assertThat(planner.nextBar(PlannerInput.openFloor(now, List.of(pct))).bpm()).isEqualTo(first);
        }
    }

    @Test
    void noDataHoldsTheTempo() {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        assertThat(planner.currentBpm()).isEmpty();
        double playing = planner.nextBar(PlannerInput.openFloor(RecordedClass.START, List.of(75.0))).bpm();
        assertThat(playing).isEqualTo(133.0);
        PlannedBar silent = planner.nextBar(PlannerInput.openFloor(RecordedClass.START, List.of()));
        assertThat(silent.bpm()).isEqualTo(playing);
        assertThat(planner.currentBpm()).hasValue(playing);
        // broken readings are ignored like missing ones
        PlannedBar broken = planner.nextBar(PlannerInput.openFloor(RecordedClass.START, List.of(Double.NaN, -3.0)));
        assertThat(broken.bpm()).isEqualTo(playing);
    }

    @Test
    void phaseFollowsTheClassSignals() {
        TempoPlanner planner = new TempoPlanner(TempoSettings.DEFAULTS);
        Instant start = RecordedClass.START;
        PlannerInput base = PlannerInput.openFloor(start.plus(Duration.ofMinutes(2)), List.of(50.0));
        assertThat(planner.phaseOf(base)).isEqualTo(ClassPhase.OPEN_FLOOR);
        assertThat(planner.phaseOf(base.withClassStartedAt(start))).isEqualTo(ClassPhase.WARM_UP);
        assertThat(planner.phaseOf(base.withClassStartedAt(start.minus(Duration.ofMinutes(4)))))
                .isEqualTo(ClassPhase.MAIN);
        assertThat(planner.phaseOf(base.withClassStartedAt(start).withClassEndingAt(start.plus(Duration.ofMinutes(3)))))
                .isEqualTo(ClassPhase.WARM_UP);
        assertThat(planner.phaseOf(base.withClassStartedAt(start).withClassEndingAt(start.plus(Duration.ofMinutes(1)))))
                .isEqualTo(ClassPhase.COOL_DOWN);
    }

    @Test
    void snapshotCarriesTheContractFields() {
        TempoSettings settings = TempoSettings.DEFAULTS;
        PlannedBar bar = new TempoPlanner(settings).nextBar(PlannerInput.openFloor(RecordedClass.START, List.of(60.0)));
        TempoSnapshot snapshot = TempoSnapshot.of(bar, settings, RecordedClass.START);
        // CONTRACT.md §4: {"bpm", "mode", "style", "min_bpm", "max_bpm", "ts"}
        assertThat(snapshot.toContractFields()).containsExactly(
                java.util.Map.entry("bpm", 126.0), java.util.Map.entry("mode", "intensity"),
                java.util.Map.entry("style", "house"), java.util.Map.entry("min_bpm", 90.0),
                java.util.Map.entry("max_bpm", 160.0), java.util.Map.entry("ts", RecordedClass.START.toEpochMilli()));
    }

    static void assertStepsAndBounds(List<RecordedClass.Bar> bars, double min, double max) {
        for (int i = 0; i < bars.size(); i++) {
            double bpm = bars.get(i).bpm();
            assertThat(bpm).as("bar %d", i).isBetween(min, max);
            if (i > 0) {
                double previous = bars.get(i - 1).bpm();
                assertThat(Math.abs(bpm / previous - 1)).as("step into bar %d", i)
                        .isLessThanOrEqualTo(MAX_STEP + EPSILON);
            }
        }
    }

    private static PlannerInput runners(double stepsPerMinute) {
        return PlannerInput.openFloor(RecordedClass.START, List.of(70.0, 70.0))
                .withCadences(List.of(), List.of(stepsPerMinute, stepsPerMinute, stepsPerMinute));
    }

    static TempoSettings settings(TempoMode mode, double min, double max, Double manual) {
        SettingsValidation result = TempoSettings.validate(mode, MusicStyle.HOUSE, min, max,
                manual == null ? OptionalDouble.empty() : OptionalDouble.of(manual));
        return ((SettingsValidation.Valid) result).settings();
    }
}
