package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** training-science.md §7: SI = AMo / (2 Mo MxDMn); bin alignment and Mo definition pinned here. */
class BaevskyStressIndexTest {

    // Hand-worked: NN = 800, 810, 820, 790, 860, 900, 805 ms, 50 ms bins starting at 0 ms.
    // [800,850) holds 800, 810, 820, 805 -> 4 of 7: AMo = 57.142857 %, Mo = centre 825 ms = 0.825 s
    // MxDMn = (900 - 790) ms = 0.110 s; SI = 57.142857 / (2 * 0.825 * 0.110) = 314.8366
    private static final double[] NN = {800, 810, 820, 790, 860, 900, 805};

    @Test
    void handWorkedExample() {
        BaevskyResult r = new BaevskyStressIndex().compute(NN).orElseThrow();
        assertThat(r.modalBinStartMs()).isEqualTo(800);
        assertThat(r.amplitudeOfModePercent()).isCloseTo(400.0 / 7, within(1e-9));
        assertThat(r.modeSeconds()).isCloseTo(0.825, within(1e-12));
        assertThat(r.rangeSeconds()).isCloseTo(0.110, within(1e-12));
        assertThat(r.stressIndex()).isCloseTo(314.8366, within(1e-4));
        assertThat(r.intervals()).isEqualTo(7);
    }

    // §7: bins aligned at the minimum (790) would put 5 of 7 in [790,840) with Mo 0.815 s, giving
    // 71.43 / (2 * 0.815 * 0.110) = 398.4. The product's alignment at 0 ms must not do that.
    @Test
    void alignmentAtZeroIsNotAlignmentAtTheMinimum() {
        double alignedAtMinimum = (500.0 / 7) / (2 * 0.815 * 0.110);
        assertThat(new BaevskyStressIndex().compute(NN).orElseThrow().stressIndex())
                .isNotCloseTo(alignedAtMinimum, within(10.0));
    }

    @Test
    void tiedBinsPickTheShortestIntervals() {
        // two in [700,750), two in [900,950): the 700 bin wins
        BaevskyResult r = new BaevskyStressIndex().compute(new double[] {710, 720, 910, 920}).orElseThrow();
        assertThat(r.modalBinStartMs()).isEqualTo(700);
        assertThat(r.modeSeconds()).isCloseTo(0.725, within(1e-12));
    }

    @Test
    void binWidthIsConfigurable() {
        BaevskyResult r = new BaevskyStressIndex(100).compute(NN).orElseThrow();
        // [800,900) holds 800, 810, 820, 860, 805 -> 5 of 7, centre 850 ms
        assertThat(r.amplitudeOfModePercent()).isCloseTo(500.0 / 7, within(1e-9));
        assertThat(r.modeSeconds()).isCloseTo(0.850, within(1e-12));
    }

    @Test
    void degenerateSeriesGiveNoResult() {
        assertThat(new BaevskyStressIndex().compute(new double[] {800})).isEmpty();
        assertThat(new BaevskyStressIndex().compute(new double[] {800, 800, 800})).isEmpty();
        assertThat(new BaevskyStressIndex().compute(new double[] {})).isEmpty();
    }
}
