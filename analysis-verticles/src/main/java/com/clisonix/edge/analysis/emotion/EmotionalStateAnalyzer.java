package com.clisonix.edge.analysis.emotion;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * <b>Experimental.</b> Labels a reading with one of the eight states of the product specification
 * from pupil size, pupil dilation rate, blink rate, gaze stability and heart rate.
 *
 * <p>Nothing validated stands behind this (training-science reference §10): pupils dilate with
 * arousal in the laboratory (Bradley et al., Psychophysiology 2008;45(4):602-607), but light and
 * exertion move them too, and nobody has published thresholds for emotions. The analyser therefore
 * encodes the specification's qualitative descriptions as explicit, soft thresholds so that its
 * behaviour is predictable and easy to change, and it labels every result experimental.
 *
 * <p><b>Features</b> (degree 0-1, piecewise linear between the numbers given):
 * <table>
 *   <caption>Feature memberships</caption>
 *   <tr><th>feature</th><th>term</th><th>shape</th></tr>
 *   <tr><td rowspan="5">pupil size, mm</td><td>small</td><td>1 up to 3.0, 0 from 3.8</td></tr>
 *   <tr><td>average</td><td>rises 3.0-3.5, 1 to 4.5, falls to 0 at 5.0</td></tr>
 *   <tr><td>slightly large</td><td>rises 4.3-4.8, 1 to 5.5, falls to 0 at 6.0</td></tr>
 *   <tr><td>large</td><td>rises 5.3-5.8, 1 to 6.5, falls to 0 at 7.0</td></tr>
 *   <tr><td>very large</td><td>0 up to 6.2, 1 from 6.8</td></tr>
 *   <tr><td rowspan="5">dilation rate, /s</td><td>sluggish</td><td>1 up to 0.03, 0 from 0.07</td></tr>
 *   <tr><td>low</td><td>1 up to 0.08, 0 from 0.14</td></tr>
 *   <tr><td>active</td><td>rises 0.16-0.22, 1 to 0.30, falls to 0 at 0.36</td></tr>
 *   <tr><td>rapid</td><td>0 up to 0.26, 1 from 0.34</td></tr>
 *   <tr><td>erratic</td><td>0 up to 0.20, 1 from 0.30</td></tr>
 *   <tr><td rowspan="3">blink rate, /min</td><td>low</td><td>1 up to 12, 0 from 22</td></tr>
 *   <tr><td>normal</td><td>rises 8-12, 1 to 20, falls to 0 at 26</td></tr>
 *   <tr><td>high</td><td>0 up to 22, 1 from 30</td></tr>
 *   <tr><td rowspan="4">gaze stability, 0-100</td><td>steady</td><td>0 up to 60, 1 from 75</td></tr>
 *   <tr><td>good</td><td>0 up to 50, 1 from 65</td></tr>
 *   <tr><td>moderate</td><td>rises 40-50, 1 to 65, falls to 0 at 80</td></tr>
 *   <tr><td>unstable</td><td>1 up to 35, 0 from 55</td></tr>
 *   <tr><td>heart rate, bpm</td><td>resting-like</td><td>1 up to 90, 0 from 120</td></tr>
 * </table>
 *
 * <p><b>States</b> (score = mean of the listed terms):
 * relaxed = small pupil, low dilation, resting-like HR;
 * calm = average pupil, steady gaze, resting-like HR;
 * neutral = average pupil, normal blinking, moderate gaze;
 * focused = slightly large pupil, steady gaze, low blinking;
 * engaged = large pupil, active dilation, good gaze;
 * stressed = very large pupil, rapid dilation, high blinking;
 * anxious = unstable gaze, erratic dilation;
 * fatigued = sluggish dilation, high blinking.
 * Heart rate only tempers the two resting states; during exercise it speaks of effort, not mood.
 *
 * <p><b>Decision and confidence.</b> The state with the highest score wins; ties go to the state
 * listed first above. Confidence = winner score - runner-up score / 2, multiplied by the share of
 * the winner's terms that could be evaluated, so a clear, complete fit approaches 1 and a near tie
 * approaches half the score. Terms whose input is missing or implausible are left out of a state's
 * mean; a state with no evaluable term scores 0. When no state fits at all the label is neutral
 * with confidence 0. Without any eye feature there is no result.
 *
 * <p>Thread-safe; never throws for bad input.
 */
public final class EmotionalStateAnalyzer {

    private static final Membership PUPIL_SMALL = Membership.atMost(3.0, 3.8);
    private static final Membership PUPIL_AVERAGE = Membership.between(3.0, 3.5, 4.5, 5.0);
    private static final Membership PUPIL_SLIGHTLY_LARGE = Membership.between(4.3, 4.8, 5.5, 6.0);
    private static final Membership PUPIL_LARGE = Membership.between(5.3, 5.8, 6.5, 7.0);
    private static final Membership PUPIL_VERY_LARGE = Membership.atLeast(6.2, 6.8);

    private static final Membership DILATION_SLUGGISH = Membership.atMost(0.03, 0.07);
    private static final Membership DILATION_LOW = Membership.atMost(0.08, 0.14);
    private static final Membership DILATION_ACTIVE = Membership.between(0.16, 0.22, 0.30, 0.36);
    private static final Membership DILATION_RAPID = Membership.atLeast(0.26, 0.34);
    private static final Membership DILATION_ERRATIC = Membership.atLeast(0.20, 0.30);

    private static final Membership BLINK_LOW = Membership.atMost(12, 22);
    private static final Membership BLINK_NORMAL = Membership.between(8, 12, 20, 26);
    private static final Membership BLINK_HIGH = Membership.atLeast(22, 30);

    private static final Membership GAZE_STEADY = Membership.atLeast(60, 75);
    private static final Membership GAZE_GOOD = Membership.atLeast(50, 65);
    private static final Membership GAZE_MODERATE = Membership.between(40, 50, 65, 80);
    private static final Membership GAZE_UNSTABLE = Membership.atMost(35, 55);

    private static final Membership HR_RESTING_LIKE = Membership.atMost(90, 120);

    private enum Feature { PUPIL, DILATION, BLINK, GAZE, HEART_RATE }

    private record Term(Feature feature, Membership membership) {
    }

    private static final Map<EmotionalState, Term[]> RULES = new EnumMap<>(EmotionalState.class);

    static {
        RULES.put(EmotionalState.RELAXED, new Term[] {
            new Term(Feature.PUPIL, PUPIL_SMALL), new Term(Feature.DILATION, DILATION_LOW),
            new Term(Feature.HEART_RATE, HR_RESTING_LIKE)});
        RULES.put(EmotionalState.CALM, new Term[] {
            new Term(Feature.PUPIL, PUPIL_AVERAGE), new Term(Feature.GAZE, GAZE_STEADY),
            new Term(Feature.HEART_RATE, HR_RESTING_LIKE)});
        RULES.put(EmotionalState.NEUTRAL, new Term[] {
            new Term(Feature.PUPIL, PUPIL_AVERAGE), new Term(Feature.BLINK, BLINK_NORMAL),
            new Term(Feature.GAZE, GAZE_MODERATE)});
        RULES.put(EmotionalState.FOCUSED, new Term[] {
            new Term(Feature.PUPIL, PUPIL_SLIGHTLY_LARGE), new Term(Feature.GAZE, GAZE_STEADY),
            new Term(Feature.BLINK, BLINK_LOW)});
        RULES.put(EmotionalState.ENGAGED, new Term[] {
            new Term(Feature.PUPIL, PUPIL_LARGE), new Term(Feature.DILATION, DILATION_ACTIVE),
            new Term(Feature.GAZE, GAZE_GOOD)});
        RULES.put(EmotionalState.STRESSED, new Term[] {
            new Term(Feature.PUPIL, PUPIL_VERY_LARGE), new Term(Feature.DILATION, DILATION_RAPID),
            new Term(Feature.BLINK, BLINK_HIGH)});
        RULES.put(EmotionalState.ANXIOUS, new Term[] {
            new Term(Feature.GAZE, GAZE_UNSTABLE), new Term(Feature.DILATION, DILATION_ERRATIC)});
        RULES.put(EmotionalState.FATIGUED, new Term[] {
            new Term(Feature.DILATION, DILATION_SLUGGISH), new Term(Feature.BLINK, BLINK_HIGH)});
    }

    /** The label, or empty when no eye feature is usable. */
    public Optional<EmotionAssessment> analyze(EmotionInputs in) {
        if (in == null) {
            return Optional.empty();
        }
        double[] values = new double[Feature.values().length];
        values[Feature.PUPIL.ordinal()] = valid(in.pupilSize(), 1, 10);
        values[Feature.DILATION.ordinal()] = valid(in.pupilDilationRate(), 0, 5);
        values[Feature.BLINK.ordinal()] = valid(in.blinkRate(), 0, 120);
        values[Feature.GAZE.ordinal()] = valid(in.eyeGazeStability(), 0, 100);
        values[Feature.HEART_RATE.ordinal()] = valid(in.heartRate(), 20, 300);
        boolean anyEyeFeature = false;
        for (Feature f : new Feature[] {Feature.PUPIL, Feature.DILATION, Feature.BLINK, Feature.GAZE}) {
            anyEyeFeature |= !Double.isNaN(values[f.ordinal()]);
        }
        if (!anyEyeFeature) {
            return Optional.empty();
        }

        Map<EmotionalState, Double> scores = new EnumMap<>(EmotionalState.class);
        EmotionalState best = null;
        double bestScore = -1;
        double bestCoverage = 0;
        double runnerUp = 0;
        for (EmotionalState state : EmotionalState.values()) {
            Term[] terms = RULES.get(state);
            double sum = 0;
            int evaluated = 0;
            for (Term t : terms) {
                double x = values[t.feature().ordinal()];
                if (!Double.isNaN(x)) {
                    sum += t.membership().of(x);
                    evaluated++;
                }
            }
            double score = evaluated == 0 ? 0.0 : sum / evaluated;
            scores.put(state, score);
            if (score > bestScore) {
                runnerUp = Math.max(runnerUp, bestScore);
                bestScore = score;
                best = state;
                bestCoverage = evaluated / (double) terms.length;
            } else {
                runnerUp = Math.max(runnerUp, score);
            }
        }
        if (bestScore <= 0) {
            return Optional.of(new EmotionAssessment(EmotionalState.NEUTRAL, 0.0, scores, true));
        }
        double confidence = Math.max(0.0, Math.min(1.0, (bestScore - runnerUp / 2.0) * bestCoverage));
        return Optional.of(new EmotionAssessment(best, confidence, scores, true));
    }

    private static double valid(Double value, double min, double max) {
        return value != null && value >= min && value <= max ? value : Double.NaN;
    }
}
