package com.clisonix.edge.analysis.emotion;

/**
 * The eye-tracking features and heart rate of one reading; any may be {@code null}. Field names
 * follow the API request of {@code POST /fitness/analyze/emotional-state}.
 *
 * @param pupilSize          pupil diameter, mm (plausible 1-10)
 * @param pupilDilationRate  relative change of pupil diameter per second (plausible 0-5)
 * @param blinkRate          blinks per minute (plausible 0-120)
 * @param eyeGazeStability   0 (wandering) to 100 (fixed)
 * @param heartRate          bpm (plausible 20-300)
 */
public record EmotionInputs(
        Double pupilSize,
        Double pupilDilationRate,
        Double blinkRate,
        Double eyeGazeStability,
        Double heartRate) {
}
