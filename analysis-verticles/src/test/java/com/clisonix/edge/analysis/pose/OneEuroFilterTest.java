package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OneEuroFilterTest {

    @Test
    void constantsAreTheBlazePoseOnes() {
        // pose.md section 6: tfjs pose-detection 2.1.3 blazepose constants
        assertThat(OneEuroFilter.LANDMARK_MIN_CUTOFF).isEqualTo(0.05);
        assertThat(OneEuroFilter.LANDMARK_BETA).isEqualTo(80);
        assertThat(OneEuroFilter.DERIVATE_CUTOFF).isEqualTo(1.0);
        assertThat(OneEuroFilter.WORLD_MIN_CUTOFF).isEqualTo(0.1);
        assertThat(OneEuroFilter.WORLD_BETA).isEqualTo(40);
    }

    @Test
    void firstSamplePassesAndAConstantStaysConstant() {
        OneEuroFilter f = new OneEuroFilter(1, 0, 1);
        assertThat(f.filter(5, 0, 1)).isEqualTo(5);
        for (int i = 1; i < 50; i++) {
            assertThat(f.filter(5, i / 30.0, 1)).isCloseTo(5, within(1e-12));
        }
    }

    @Test
    void withoutBetaItIsAnExponentialLowPassWithTheDocumentedAlpha() {
        // alpha = 1 / (1 + tau / Te), tau = 1 / (2 pi fc): Casiez et al. 2012
        double fc = 1.0;
        double te = 1 / 30.0;
        double alpha = 1 / (1 + (1 / (2 * Math.PI * fc)) / te);
        OneEuroFilter f = new OneEuroFilter(fc, 0, 1);
        f.filter(0, 0, 1);
        assertThat(f.filter(10, te, 1)).isCloseTo(10 * alpha, within(1e-9));
    }

    @Test
    void jitterShrinksAndMovesAreFollowed() {
        Random rnd = new Random(3);
        OneEuroFilter f = new OneEuroFilter(OneEuroFilter.LANDMARK_MIN_CUTOFF,
                OneEuroFilter.LANDMARK_BETA, OneEuroFilter.DERIVATE_CUTOFF);
        double sumRaw = 0;
        double sumOut = 0;
        for (int i = 0; i < 300; i++) {
            double raw = 100 + 2 * rnd.nextGaussian();
            double out = f.filter(raw, i / 30.0, 1 / 400.0);
            if (i > 30) {
                sumRaw += (raw - 100) * (raw - 100);
                sumOut += (out - 100) * (out - 100);
            }
        }
        assertThat(sumOut).isLessThan(sumRaw / 2);
        double out = 0;
        for (int i = 300; i < 330; i++) {
            out = f.filter(100 + 10 * (i - 299), i / 30.0, 1 / 400.0);
        }
        assertThat(out).isGreaterThan(100 + 10 * 30 * 0.8);
    }

    @Test
    void repeatedTimestampReturnsTheLastOutput() {
        OneEuroFilter f = new OneEuroFilter(1, 0, 1);
        f.filter(0, 0, 1);
        double a = f.filter(10, 0.1, 1);
        assertThat(f.filter(50, 0.1, 1)).isEqualTo(a);
        f.reset();
        assertThat(f.primed()).isFalse();
        assertThat(f.filter(50, 0.2, 1)).isEqualTo(50);
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> new OneEuroFilter(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneEuroFilter(1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
