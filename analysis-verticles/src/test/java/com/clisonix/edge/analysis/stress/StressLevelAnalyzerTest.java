package com.clisonix.edge.analysis.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class StressLevelAnalyzerTest {

    private final StressLevelAnalyzer analyzer = new StressLevelAnalyzer();

    // fitness-module-spec.md, "Detect Stress Level" example request: HR 155, HRV 35, pupil 0.25, resp 22;
    // the spec's response is 62 "Stressed". Worked by hand with the documented anchors (resting 60 assumed):
    // HR 40*(95/120) = 31.667, HRV 30*(35/60) = 17.5, pupil 20*(0.20/0.45) = 8.889, resp 10*(10/18) = 5.556
    @Test
    void specificationExampleIsStressed() {
        StressAssessment a = analyzer.analyze(StressInputs.of(155.0, 35.0, 0.25, 22.0)).orElseThrow();
        assertThat(a.score()).isCloseTo(31.6667 + 17.5 + 8.8889 + 5.5556, within(1e-3));
        assertThat(a.stressLevel()).isEqualTo(64).isBetween(60, 79);
        assertThat(a.band()).isEqualTo(StressBand.STRESSED);
        assertThat(a.interpretation()).isEqualTo("Stressed");
        assertThat(a.restingHrAssumed()).isTrue();
        assertThat(a.missing()).isEmpty();
        assertThat(a.points()).containsOnlyKeys(StressComponent.values());
    }

    // fitness-module-spec.md, "Stress Level Detection": the five bands and their exact texts.
    @Test
    void bandsAndInterpretationTexts() {
        assertThat(StressBand.of(0).interpretation()).isEqualTo("Very Relaxed");
        assertThat(StressBand.of(19).interpretation()).isEqualTo("Very Relaxed");
        assertThat(StressBand.of(20).interpretation()).isEqualTo("Relaxed");
        assertThat(StressBand.of(40).interpretation()).isEqualTo("Normal");
        assertThat(StressBand.of(60).interpretation()).isEqualTo("Stressed");
        assertThat(StressBand.of(79).interpretation()).isEqualTo("Stressed");
        assertThat(StressBand.of(80).interpretation()).isEqualTo("Very Stressed");
        assertThat(StressBand.of(100).interpretation()).isEqualTo("Very Stressed");
    }

    @Test
    void plausibleReadingsLandInEveryBand() {
        // resting 60 known; points = HR + HRV + pupil + breathing, worked by hand:
        // 0.67 + 0 + 0 + 0 = 0.7
        assertThat(level(62, 80, 0.03, 10)).isEqualTo(StressBand.VERY_RELAXED);
        // 6.67 + 12.5 + 3.11 + 1.67 = 23.9
        assertThat(level(80, 45, 0.12, 15)).isEqualTo(StressBand.RELAXED);
        // 15 + 20 + 7.56 + 3.33 = 45.9
        assertThat(level(105, 30, 0.22, 18)).isEqualTo(StressBand.NORMAL);
        // 25 + 25 + 12 + 5.56 = 67.6
        assertThat(level(135, 20, 0.32, 22)).isEqualTo(StressBand.STRESSED);
        // 36.67 + 29 + 17.78 + 8.89 = 92.3
        assertThat(level(170, 12, 0.45, 28)).isEqualTo(StressBand.VERY_STRESSED);
    }

    private StressBand level(double hr, double hrv, double pupil, double resp) {
        return analyzer.analyze(StressInputs.of(hr, hrv, pupil, resp).withRestingHeartRate(60.0))
                .orElseThrow().band();
    }

    @Test
    void ownRestingHeartRateIsUsedWhenKnown() {
        StressAssessment fit = analyzer.analyze(
                new StressInputs(155.0, null, null, null, 45.0, false)).orElseThrow();
        // 40 * (110 / 120) = 36.667 of 40 -> 91.7 %
        assertThat(fit.score()).isCloseTo(100 * (40 * 110 / 120.0) / 40, within(1e-9));
        assertThat(fit.restingHrAssumed()).isFalse();
    }

    // Decision: missing signals are left out and the score re-scaled over the points available.
    @Test
    void missingInputsAreRenormalised() {
        StressAssessment a = analyzer.analyze(StressInputs.of(155.0, 35.0, null, null)).orElseThrow();
        // (31.667 + 17.5) of 70 available points
        assertThat(a.score()).isCloseTo(100 * (31.6667 + 17.5) / 70, within(1e-3));
        assertThat(a.missing()).containsExactlyInAnyOrder(StressComponent.PUPIL_DILATION,
                StressComponent.RESPIRATORY_RATE);
        assertThat(a.explanation()).contains("pupil dilation").contains("breathing rate");
    }

    @Test
    void implausibleValuesCountAsMissingAndNothingUsableMeansNoScore() {
        StressAssessment a = analyzer.analyze(StressInputs.of(155.0, -4.0, Double.NaN, 400.0)).orElseThrow();
        assertThat(a.missing()).containsExactlyInAnyOrder(StressComponent.HEART_RATE_VARIABILITY,
                StressComponent.PUPIL_DILATION, StressComponent.RESPIRATORY_RATE);
        assertThat(analyzer.analyze(StressInputs.of(null, null, null, null))).isEmpty();
        assertThat(analyzer.analyze(StressInputs.of(1000.0, null, null, null))).isEmpty();
        assertThat(analyzer.analyze(null)).isEmpty();
    }

    // training-science.md §7 and §10: in-class HR and HRV follow intensity, not stress.
    @Test
    void duringExerciseTheScoreIsFlaggedAsEffort() {
        StressAssessment rest = analyzer.analyze(StressInputs.of(155.0, 35.0, 0.25, 22.0)).orElseThrow();
        StressAssessment gym = analyzer.analyze(StressInputs.of(155.0, 35.0, 0.25, 22.0).duringExercise(true))
                .orElseThrow();
        assertThat(gym.stressLevel()).isEqualTo(rest.stressLevel());
        assertThat(gym.effortDominated()).isTrue();
        assertThat(rest.effortDominated()).isFalse();
        assertThat(gym.explanation()).contains("effort").contains("not psychological stress");
        assertThat(rest.explanation()).doesNotContain("not psychological stress");
    }

    @Test
    void scoreStaysWithinZeroToHundredAndRisesWithHeartRate() {
        qt().forAll(doubles().between(20, 300), doubles().between(1, 200), doubles().between(0, 2),
                        doubles().between(2, 80))
                .checkAssert((hr, hrv, pupil, resp) -> {
                    StressAssessment a = analyzer.analyze(StressInputs.of(hr, hrv, pupil, resp)).orElseThrow();
                    assertThat(a.stressLevel()).isBetween(0, 100);
                    assertThat(a.band()).isEqualTo(StressBand.of(a.stressLevel()));
                    StressAssessment higher = analyzer.analyze(StressInputs.of(Math.min(300, hr + 10), hrv, pupil, resp))
                            .orElseThrow();
                    assertThat(higher.score()).isGreaterThanOrEqualTo(a.score());
                });
    }
}
