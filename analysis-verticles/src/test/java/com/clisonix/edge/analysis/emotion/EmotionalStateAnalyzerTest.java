package com.clisonix.edge.analysis.emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * fitness-module-spec.md, "Emotion Detection" (qualitative descriptions) and the
 * "Detect Emotional State" example. The inputs per state are plausible readings chosen to match the
 * specification's wording; training-science.md §10: the whole feature is experimental.
 */
class EmotionalStateAnalyzerTest {

    private final EmotionalStateAnalyzer analyzer = new EmotionalStateAnalyzer();

    private EmotionAssessment analyze(double pupil, double dilation, double blink, double gaze, double hr) {
        return analyzer.analyze(new EmotionInputs(pupil, dilation, blink, gaze, hr)).orElseThrow();
    }

    @Test
    void specificationExampleIsFocused() {
        EmotionAssessment a = analyze(5.2, 0.15, 18, 75, 145);
        assertThat(a.state()).isEqualTo(EmotionalState.FOCUSED);
        assertThat(a.state().wireName()).isEqualTo("focused");
        assertThat(a.experimental()).isTrue();
        // focused = mean(slightly large 1, steady gaze 1, low blinking (22-18)/10 = 0.4) = 0.8;
        // runner-up neutral = mean(average pupil 0, normal blinking 1, moderate gaze (80-75)/15) = 0.444
        assertThat(a.scores().get(EmotionalState.FOCUSED)).isCloseTo(0.8, within(1e-9));
        assertThat(a.confidence()).isCloseTo(0.8 - (4.0 / 9) / 2, within(1e-9));
    }

    @Test
    void relaxedSmallPupilsLowDilation() {
        assertThat(analyze(3.0, 0.05, 14, 80, 65).state()).isEqualTo(EmotionalState.RELAXED);
    }

    @Test
    void calmAveragePupilsStableGaze() {
        assertThat(analyze(4.0, 0.10, 15, 85, 70).state()).isEqualTo(EmotionalState.CALM);
    }

    @Test
    void neutralAveragePupilsNormalBlinking() {
        assertThat(analyze(4.0, 0.12, 16, 58, 80).state()).isEqualTo(EmotionalState.NEUTRAL);
    }

    @Test
    void engagedLargePupilsActiveDilationGoodFocus() {
        assertThat(analyze(6.0, 0.25, 15, 70, 130).state()).isEqualTo(EmotionalState.ENGAGED);
    }

    @Test
    void stressedVeryLargePupilsRapidDilationFrequentBlinks() {
        assertThat(analyze(7.2, 0.40, 32, 60, 150).state()).isEqualTo(EmotionalState.STRESSED);
    }

    @Test
    void anxiousErraticPupilsUnstableGaze() {
        assertThat(analyze(5.0, 0.35, 22, 25, 110).state()).isEqualTo(EmotionalState.ANXIOUS);
    }

    @Test
    void fatiguedSluggishPupilsFrequentBlinking() {
        assertThat(analyze(4.2, 0.02, 34, 65, 100).state()).isEqualTo(EmotionalState.FATIGUED);
    }

    @Test
    void highExerciseHeartRateRulesOutTheRestingStates() {
        EmotionAssessment resting = analyze(3.0, 0.05, 14, 80, 65);
        EmotionAssessment working = analyze(3.0, 0.05, 14, 80, 160);
        assertThat(resting.scores().get(EmotionalState.RELAXED)).isEqualTo(1.0);
        assertThat(working.scores().get(EmotionalState.RELAXED)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void missingFeaturesLowerConfidenceAndNoEyeDataMeansNoLabel() {
        EmotionAssessment full = analyze(7.2, 0.40, 32, 60, 150);
        EmotionAssessment partial = analyzer.analyze(new EmotionInputs(7.2, 0.40, null, 60.0, 150.0)).orElseThrow();
        assertThat(partial.state()).isEqualTo(EmotionalState.STRESSED);
        assertThat(partial.confidence()).isLessThan(full.confidence());
        assertThat(analyzer.analyze(new EmotionInputs(null, null, null, null, 150.0))).isEmpty();
        assertThat(analyzer.analyze(new EmotionInputs(-1.0, Double.NaN, null, 400.0, null))).isEmpty();
        assertThat(analyzer.analyze(null)).isEmpty();
    }

    @Test
    void membershipShapes() {
        Membership m = Membership.between(1, 2, 3, 5);
        assertThat(m.of(0.5)).isZero();
        assertThat(m.of(1.5)).isCloseTo(0.5, within(1e-12));
        assertThat(m.of(2.5)).isEqualTo(1.0);
        assertThat(m.of(4)).isCloseTo(0.5, within(1e-12));
        assertThat(m.of(6)).isZero();
        assertThat(Membership.atMost(3, 4).of(-100)).isEqualTo(1.0);
        assertThat(Membership.atLeast(3, 4).of(100)).isEqualTo(1.0);
    }

    @Test
    void confidenceIsAlwaysBetweenZeroAndOne() {
        qt().forAll(doubles().between(1, 10), doubles().between(0, 1), doubles().between(0, 60),
                        doubles().between(0, 100))
                .checkAssert((pupil, dilation, blink, gaze) -> {
                    EmotionAssessment a = analyze(pupil, dilation, blink, gaze, 100);
                    assertThat(a.confidence()).isBetween(0.0, 1.0);
                    assertThat(a.scores()).hasSize(8);
                    assertThat(a.scores().get(a.state())).isEqualTo(
                            a.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
                });
    }
}
