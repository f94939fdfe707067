package com.clisonix.edge.analysis.emotion;

import java.util.Map;

/**
 * An experimental emotional-state label.
 *
 * @param state        the best-fitting state
 * @param confidence   0-1: how well the winner fits and how clearly it beats the runner-up, reduced
 *                     when inputs were missing
 * @param scores       how well each state's description fits, 0-1
 * @param experimental always {@code true}: no validated pupil-to-emotion model exists
 */
public record EmotionAssessment(
        EmotionalState state,
        double confidence,
        Map<EmotionalState, Double> scores,
        boolean experimental) {

    public EmotionAssessment {
        scores = Map.copyOf(scores);
    }
}
