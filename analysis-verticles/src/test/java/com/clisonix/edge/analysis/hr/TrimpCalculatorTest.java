package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** training-science.md §6: Banister TRIMP = D x k e^(b x); Edwards = sum of zone minutes x 1..5. */
class TrimpCalculatorTest {

    // x = (125 - 60) / (190 - 60) = 0.5
    // men:   30 * 0.5 * 0.64 * e^(0.96)  = 25.0723
    // women: 30 * 0.5 * 0.86 * e^(0.835) = 29.7321
    @Test
    void banisterForThirtyMinutesAtHalfReserve() {
        assertThat(TrimpCalculator.banister(Sex.MALE, 125, 60, 190, 30)).isCloseTo(25.0723, within(1e-4));
        assertThat(TrimpCalculator.banister(Sex.FEMALE, 125, 60, 190, 30)).isCloseTo(29.7321, within(1e-4));
    }

    // CONTRACT.md §6: X uses the mean of both results.
    @Test
    void unspecifiedSexAveragesTheTwoResults() {
        assertThat(TrimpCalculator.banister(Sex.UNSPECIFIED, 125, 60, 190, 30))
                .isCloseTo((25.07229 + 29.73210) / 2, within(1e-4));
    }

    // training-science.md §6 errors in public material: 0.64^(1.92x) is not the weighting.
    @Test
    void weightingIsExponentialNotAPower() {
        double wrong = 30 * 0.5 * Math.pow(0.64, 1.92 * 0.5);
        assertThat(TrimpCalculator.banister(Sex.MALE, 125, 60, 190, 30)).isNotCloseTo(wrong, within(1.0));
        // women's constants must not be 0.64 with b = 1.67
        double mixed = 30 * 0.5 * 0.64 * Math.exp(1.67 * 0.5);
        assertThat(TrimpCalculator.banister(Sex.FEMALE, 125, 60, 190, 30)).isNotCloseTo(mixed, within(1.0));
    }

    @Test
    void reserveFractionIsClampedToZeroOne() {
        assertThat(TrimpCalculator.banister(Sex.MALE, 50, 60, 190, 30)).isZero();
        // above HRmax counts as x = 1: 10 * 1 * 0.64 * e^1.92
        assertThat(TrimpCalculator.banister(Sex.MALE, 205, 60, 190, 10))
                .isCloseTo(10 * 0.64 * Math.exp(1.92), within(1e-9));
        assertThat(TrimpCalculator.banister(Sex.MALE, 150, Double.NaN, 190, 10)).isNaN();
    }

    // Integrating per sample differs from using the mean HR because the weighting is convex (§6).
    @Test
    void perSampleIntegrationExceedsMeanHeartRateShortcut() {
        double intervals = TrimpCalculator.banister(Sex.MALE, 100, 60, 190, 15)
                + TrimpCalculator.banister(Sex.MALE, 180, 60, 190, 15);
        double meanShortcut = TrimpCalculator.banister(Sex.MALE, 140, 60, 190, 30);
        assertThat(intervals).isGreaterThan(meanShortcut);
    }

    @Test
    void edwardsBandsAndWeights() {
        assertThat(TrimpCalculator.edwardsWeight(0.4999)).isZero();
        assertThat(TrimpCalculator.edwardsWeight(0.50)).isEqualTo(1);
        assertThat(TrimpCalculator.edwardsWeight(0.5999)).isEqualTo(1);
        assertThat(TrimpCalculator.edwardsWeight(0.60)).isEqualTo(2);
        assertThat(TrimpCalculator.edwardsWeight(0.70)).isEqualTo(3);
        assertThat(TrimpCalculator.edwardsWeight(0.80)).isEqualTo(4);
        assertThat(TrimpCalculator.edwardsWeight(0.90)).isEqualTo(5);
        assertThat(TrimpCalculator.edwardsWeight(1.10)).isEqualTo(5);
        assertThat(TrimpCalculator.edwardsWeight(Double.NaN)).isZero();
        // 10 min at 55 %, 10 min at 75 %, 5 min at 95 % of 200: 10*1 + 10*3 + 5*5 = 65
        double total = TrimpCalculator.edwards(110, 200, 10) + TrimpCalculator.edwards(150, 200, 10)
                + TrimpCalculator.edwards(190, 200, 5);
        assertThat(total).isCloseTo(65.0, within(1e-9));
        assertThat(TrimpCalculator.edwards(150, Double.NaN, 10)).isNaN();
    }
}
