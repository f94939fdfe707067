package com.clisonix.edge.music.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.music.tempo.IntensityTempoCurve.Modality;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntensityTempoCurveTest {

    @Test
    void anchorPointsAreTheDocumentedValues() {
        // docs/music.md "Intensity curve"; bands from training-science.md §8 (Karageorghis 2011, 2014)
        assertThat(IntensityTempoCurve.bpmFor(30, Modality.CYCLING)).isEqualTo(115.0);
        assertThat(IntensityTempoCurve.bpmFor(40, Modality.CYCLING)).isEqualTo(118.0);
        assertThat(IntensityTempoCurve.bpmFor(60, Modality.CYCLING)).isEqualTo(126.0);
        assertThat(IntensityTempoCurve.bpmFor(75, Modality.CYCLING)).isEqualTo(133.0);
        assertThat(IntensityTempoCurve.bpmFor(90, Modality.CYCLING)).isEqualTo(140.0);
        assertThat(IntensityTempoCurve.bpmFor(60, Modality.RUNNING)).isEqualTo(123.0);
        assertThat(IntensityTempoCurve.bpmFor(75, Modality.RUNNING)).isEqualTo(127.0);
        assertThat(IntensityTempoCurve.bpmFor(90, Modality.RUNNING)).isEqualTo(131.0);
    }

    @Test
    void interpolatesLinearlyBetweenAnchors() {
        // halfway between 60 % (126) and 75 % (133)
        assertThat(IntensityTempoCurve.bpmFor(67.5, Modality.CYCLING)).isCloseTo(129.5, within(1e-9));
        // a fifth of the way from 40 % (118) to 60 % (126)
        assertThat(IntensityTempoCurve.bpmFor(44, Modality.CYCLING)).isCloseTo(119.6, within(1e-9));
    }

    @Test
    void flatOutsideTheStudiedRange() {
        assertThat(IntensityTempoCurve.bpmFor(0, Modality.CYCLING)).isEqualTo(115.0);
        assertThat(IntensityTempoCurve.bpmFor(-5, Modality.RUNNING)).isEqualTo(115.0);
        assertThat(IntensityTempoCurve.bpmFor(Double.NaN, Modality.CYCLING)).isEqualTo(115.0);
        assertThat(IntensityTempoCurve.bpmFor(100, Modality.CYCLING)).isEqualTo(140.0);
        assertThat(IntensityTempoCurve.bpmFor(130, Modality.RUNNING)).isEqualTo(131.0);
    }

    @Test
    void monotoneAndNeverSlowAndInsideThePreferenceWindows() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            double a = random.nextDouble() * 110;
            double b = a + random.nextDouble() * 10;
            for (Modality modality : Modality.values()) {
                double lower = IntensityTempoCurve.bpmFor(a, modality);
                double higher = IntensityTempoCurve.bpmFor(b, modality);
                assertThat(higher).isGreaterThanOrEqualTo(lower);
                // training-science.md §8: the slow band (95-100 bpm) was never preferred during work
                assertThat(lower).isGreaterThanOrEqualTo(115.0);
            }
            if (a >= 60 && a <= 90) {
                // training-science.md §8: 125-140 bpm cycling, 123-131 bpm treadmill
                assertThat(IntensityTempoCurve.bpmFor(a, Modality.CYCLING)).isBetween(125.0, 140.0);
                assertThat(IntensityTempoCurve.bpmFor(a, Modality.RUNNING)).isBetween(123.0, 131.0);
            }
        }
    }
}
