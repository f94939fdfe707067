package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HrvCalculatorTest {

    // training-science.md §7, worked example FAKE_RRI from rhenanbartels/hrv (tests/test_classical.py)
    private static final double[] FAKE_RRI = {800, 810, 815, 750};
    // The library checks its table "to 2 decimals" with numpy's assert_almost_equal(decimal=2),
    // which accepts |actual - expected| < 1.5e-2; the same tolerance is used here.
    private static final double LIBRARY_TOLERANCE = 1.5e-2;

    @Test
    void libraryWorkedExampleWithIntervalDenominator() {
        HrvMetrics m = new HrvCalculator(Pnn50Denominator.INTERVALS).compute(FAKE_RRI).orElseThrow();
        assertThat(m.rmssdMs()).isCloseTo(38.07, within(LIBRARY_TOLERANCE));
        assertThat(m.sdnnMs()).isCloseTo(29.82, within(LIBRARY_TOLERANCE));
        assertThat(m.sdsdMs()).isCloseTo(41.93, within(LIBRARY_TOLERANCE));
        assertThat(m.nn50()).isEqualTo(1);
        assertThat(m.pnn50Percent()).isCloseTo(25.0, within(1e-9));
        assertThat(m.meanRrMs()).isCloseTo(793.75, within(1e-9));
        assertThat(m.meanHrBpm()).isCloseTo(75.67, within(LIBRARY_TOLERANCE));
        // exact by hand: differences 10, 5, -65 -> RMSSD = sqrt((100 + 25 + 4225) / 3) = sqrt(1450)
        assertThat(m.rmssdMs()).isCloseTo(Math.sqrt(1450), within(1e-12));
        // §7: 60000 / mean RR would be 75.59, which is not how mean HR is defined
        assertThat(m.meanHrBpm()).isNotCloseTo(60000 / 793.75, within(0.05));
    }

    // training-science.md §7: Aura-healthcare divides pNN50 by the number of differences (N - 1).
    @Test
    void productDefaultDividesByTheNumberOfDifferences() {
        HrvMetrics m = new HrvCalculator().compute(FAKE_RRI).orElseThrow();
        assertThat(m.differenceCount()).isEqualTo(3);
        assertThat(m.pnn50Percent()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(m.pnn50Denominator()).isEqualTo(Pnn50Denominator.DIFFERENCES);
        assertThat(m.rmssdMs()).isCloseTo(38.07, within(LIBRARY_TOLERANCE));
    }

    @Test
    void nn50CountsOnlyDifferencesStrictlyAboveFiftyMs() {
        HrvMetrics m = new HrvCalculator().compute(new double[] {800, 850, 800, 851, 900}).orElseThrow();
        // differences 50, -50, 51, 49: only the 51 counts
        assertThat(m.nn50()).isEqualTo(1);
    }

    @Test
    void differencesAcrossAnArtefactAreNotUsed() {
        double[] rr = {800, 810, 400, 820, 830};
        boolean[] normal = {true, true, false, true, true};
        HrvMetrics m = new HrvCalculator().compute(new RrFilterResult(rr, normal)).orElseThrow();
        // only 800->810 and 820->830 are real successive differences: RMSSD = 10
        assertThat(m.differenceCount()).isEqualTo(2);
        assertThat(m.nnCount()).isEqualTo(4);
        assertThat(m.rmssdMs()).isCloseTo(10.0, within(1e-9));
        assertThat(m.sdsdMs()).isCloseTo(0.0, within(1e-9));
        assertThat(m.meanRrMs()).isCloseTo(815.0, within(1e-9));
    }

    @Test
    void tooFewIntervalsGiveNoResult() {
        HrvCalculator calc = new HrvCalculator();
        assertThat(calc.compute(new double[] {})).isEmpty();
        assertThat(calc.compute(new double[] {800, 810})).isEmpty();
        boolean[] alternate = {true, false, true, false, true};
        assertThat(calc.compute(new RrFilterResult(new double[] {800, 300, 800, 300, 800}, alternate))).isEmpty();
    }

    @Test
    void rmssdIgnoresAConstantShiftAndSdnnIsNonNegative() {
        qt().forAll(integers().between(0, 1_000_000), doubles().between(-200, 200))
                .checkAssert((seed, shift) -> {
                    Random random = new Random(seed);
                    double[] rr = new double[50];
                    double[] shifted = new double[50];
                    for (int i = 0; i < rr.length; i++) {
                        rr[i] = 700 + random.nextInt(300);
                        shifted[i] = rr[i] + shift;
                    }
                    HrvMetrics a = new HrvCalculator().compute(rr).orElseThrow();
                    HrvMetrics b = new HrvCalculator().compute(shifted).orElseThrow();
                    assertThat(b.rmssdMs()).isCloseTo(a.rmssdMs(), within(1e-6));
                    assertThat(b.sdnnMs()).isCloseTo(a.sdnnMs(), within(1e-6));
                    assertThat(a.sdnnMs()).isGreaterThanOrEqualTo(0);
                    assertThat(a.pnn50Percent()).isBetween(0.0, 100.0);
                });
    }
}
