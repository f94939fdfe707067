package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** training-science.md §2: target = rest + p (max - rest); %HRR = (HR - rest) / (max - rest). */
class KarvonenCalculatorTest {

    @Test
    void targetForSeventyPercentOfReserve() {
        // rest 60, max 190: reserve 130, 0.7 * 130 = 91, 60 + 91 = 151
        assertThat(KarvonenCalculator.targetHeartRate(0.7, 60, 190)).isCloseTo(151.0, within(1e-9));
    }

    @Test
    void percentOfReserveDiffersFromPercentOfMax() {
        // HR 125, rest 60, max 190: (125-60)/130 = 50 % HRR, but 125/190 = 65.8 % HRmax
        assertThat(KarvonenCalculator.percentOfReserve(125, 60, 190)).isCloseTo(50.0, within(1e-9));
        assertThat(HeartRateZones.percentOfHrMax(125, 190)).isCloseTo(65.789, within(1e-3));
    }

    @Test
    void notClampedSoCoachesSeeValuesOutsideTheReserve() {
        assertThat(KarvonenCalculator.percentOfReserve(55, 60, 190)).isLessThan(0);
        assertThat(KarvonenCalculator.percentOfReserve(200, 60, 190)).isGreaterThan(100);
    }

    @Test
    void unknownOrInvertedReserveIsNaN() {
        assertThat(KarvonenCalculator.fractionOfReserve(120, Double.NaN, 190)).isNaN();
        assertThat(KarvonenCalculator.fractionOfReserve(120, 60, Double.NaN)).isNaN();
        assertThat(KarvonenCalculator.fractionOfReserve(120, 190, 190)).isNaN();
        assertThat(KarvonenCalculator.targetHeartRate(0.5, 200, 190)).isNaN();
    }

    @Test
    void targetAndPercentAreInverse() {
        for (double p = 0; p <= 1.0; p += 0.05) {
            double hr = KarvonenCalculator.targetHeartRate(p, 52, 183);
            assertThat(KarvonenCalculator.fractionOfReserve(hr, 52, 183)).isCloseTo(p, within(1e-12));
        }
    }
}
