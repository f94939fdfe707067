package com.clisonix.edge.analysis.stress;

/**
 * What the stress score is computed from. Any field may be {@code null} when not measured.
 *
 * @param heartRate           current heart rate, bpm
 * @param heartRateVariability RMSSD in ms (the API's {@code heart_rate_variability})
 * @param pupilDilationRate   pupil dilation rate as the eye tracker reports it (relative change of
 *                            diameter per second)
 * @param respiratoryRate     breaths per minute
 * @param restingHeartRate    the athlete's resting heart rate, bpm; a default is assumed when absent
 * @param duringExercise      whether the reading was taken while the athlete was working out
 */
public record StressInputs(
        Double heartRate,
        Double heartRateVariability,
        Double pupilDilationRate,
        Double respiratoryRate,
        Double restingHeartRate,
        boolean duringExercise) {

    /** The four signals of the API request, at rest, with no known resting heart rate. */
    public static StressInputs of(Double heartRate, Double hrv, Double pupilDilationRate, Double respiratoryRate) {
        return new StressInputs(heartRate, hrv, pupilDilationRate, respiratoryRate, null, false);
    }

    public StressInputs withRestingHeartRate(Double resting) {
        return new StressInputs(heartRate, heartRateVariability, pupilDilationRate, respiratoryRate, resting,
                duringExercise);
    }

    public StressInputs duringExercise(boolean exercising) {
        return new StressInputs(heartRate, heartRateVariability, pupilDilationRate, respiratoryRate, restingHeartRate,
                exercising);
    }
}
