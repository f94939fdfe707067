package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingHrvTest {

    @Test
    void reportsNothingUntilEnoughBeats() {
        RollingHrv live = new RollingHrv();
        for (int i = 0; i < 19; i++) {
            live.add(1000 + (i % 2) * 20);
        }
        assertThat(live.current()).isEmpty();
        assertThat(live.rmssdOrNaN()).isNaN();
        live.add(1000);
        assertThat(live.current()).isPresent();
    }

    @Test
    void windowKeepsOnlyTheLastSixtySeconds() {
        RollingHrv live = new RollingHrv();
        for (int i = 0; i < 500; i++) {
            live.add(1000);
        }
        assertThat(live.size()).isEqualTo(60);
        assertThat(live.spanMs()).isCloseTo(60_000, within(1e-6));
        // a fast heart fills the window with more, shorter intervals
        for (int i = 0; i < 500; i++) {
            live.add(400);
        }
        assertThat(live.size()).isEqualTo(150);
    }

    @Test
    void matchesTheBatchCalculatorOnTheSameWindow() {
        Random random = new Random(7);
        RollingHrv live = new RollingHrv();
        double[] all = new double[400];
        double rr = 900;
        for (int i = 0; i < all.length; i++) {
            rr = Math.max(700, Math.min(1100, rr + random.nextGaussian() * 25));
            all[i] = rr;
            assertThat(live.add(rr)).isTrue();
        }
        // the intervals of the last 60 s, counted back from the end
        int from = all.length;
        double sum = 0;
        while (from > 0 && sum + all[from - 1] <= 60_000) {
            sum += all[--from];
        }
        HrvMetrics expected = new HrvCalculator().compute(Arrays.copyOfRange(all, from, all.length)).orElseThrow();
        HrvMetrics actual = live.current().orElseThrow();
        assertThat(actual.nnCount()).isEqualTo(expected.nnCount());
        assertThat(actual.rmssdMs()).isCloseTo(expected.rmssdMs(), within(1e-9));
        assertThat(actual.sdnnMs()).isCloseTo(expected.sdnnMs(), within(1e-9));
    }

    @Test
    void ectopicBeatIsFlaggedLive() {
        RollingHrv live = new RollingHrv();
        for (int i = 0; i < 30; i++) {
            live.add(800);
        }
        assertThat(live.add(560)).isFalse();
        assertThat(live.add(1040)).isFalse();
        assertThat(live.add(805)).isTrue();
        assertThat(live.artefactsSeen()).isEqualTo(2);
        // the artefacts take no part in the differences: 800 -> 800 ... and 805 stands alone
        assertThat(live.current().orElseThrow().rmssdMs()).isCloseTo(0.0, within(1e-9));
    }

    // reference/README.md, noisy_rri.hrm: replayed beat by beat as a strap would send it.
    @Test
    void noisyRecordingReplayedLiveStaysPlausible() {
        RollingHrv live = new RollingHrv();
        double maxRmssd = 0;
        int windows = 0;
        for (double rr : RrSamples.intervals("noisy_rri.hrm")) {
            live.add(rr);
            double rmssd = live.rmssdOrNaN();
            if (!Double.isNaN(rmssd)) {
                maxRmssd = Math.max(maxRmssd, rmssd);
                windows++;
            }
        }
        assertThat(live.artefactsSeen()).isGreaterThan(20);
        assertThat(windows).isGreaterThan(3000);
        assertThat(maxRmssd).isLessThan(150);
    }

    // the one-pass RMSSD the floor asks for must be the calculator's value, bit for bit
    @Test
    void liveRmssdIsTheCalculatorsOnEveryWindow() {
        RollingHrv live = new RollingHrv();
        int compared = 0;
        for (double rr : RrSamples.intervals("noisy_rri.hrm")) {
            live.add(rr);
            double fast = live.rmssdOrNaN();
            var full = live.current();
            if (full.isEmpty()) {
                assertThat(fast).isNaN();
            } else {
                assertThat(fast).isEqualTo(full.get().rmssdMs());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3000);
    }

    @Test
    void ignoresNonsenseAndResets() {
        RollingHrv live = new RollingHrv();
        assertThat(live.add(Double.NaN)).isFalse();
        assertThat(live.add(-800)).isFalse();
        assertThat(live.size()).isZero();
        live.add(800);
        live.reset();
        assertThat(live.size()).isZero();
        assertThat(live.spanMs()).isZero();
    }
}
