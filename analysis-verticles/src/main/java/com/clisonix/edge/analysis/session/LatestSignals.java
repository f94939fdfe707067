package com.clisonix.edge.analysis.session;

import com.clisonix.edge.sensor.ingest.Reading;

/**
 * The athlete's latest machine (power, cadence, speed, distance), eye (pupil size, dilation rate,
 * blink rate, gaze stability) and breathing values, each group with the wall time it last arrived,
 * so that stale values stop describing the athlete after {@link AthleteState#SIGNAL_FRESH_MS}.
 * Pure; owned by {@link AthleteState}.
 */
final class LatestSignals {

    private Double power;
    private Double cadence;
    private Double speed;
    private Double distance;
    private long machineArrivalMs = Long.MIN_VALUE;
    private Double pupilSize;
    private Double pupilDilation;
    private Double blinkRate;
    private Double gazeStability;
    private long eyesArrivalMs = Long.MIN_VALUE;
    private Double respiratoryRate;
    private long respArrivalMs = Long.MIN_VALUE;

    /** Keeps the reading when it is one of these signals; false for any other type. */
    boolean accept(Reading r, long nowMs) {
        switch (r.type()) {
            case POWER -> power = machine(r, nowMs);
            case CADENCE -> cadence = machine(r, nowMs);
            case SPEED -> speed = machine(r, nowMs);
            case DISTANCE -> distance = machine(r, nowMs);
            case PUPIL_SIZE -> {
                pupilSize = r.value();
                eyesArrivalMs = nowMs;
            }
            case BLINK_RATE -> {
                blinkRate = r.value();
                eyesArrivalMs = nowMs;
            }
            case RESPIRATORY_RATE -> {
                respiratoryRate = r.value();
                respArrivalMs = nowMs;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Double machine(Reading r, long nowMs) {
        machineArrivalMs = nowMs;
        return r.value();
    }

    /** The eye fields that have no reading type (they travel in the reading's raw data). */
    void onEyeExtras(Double dilationRate, Double gaze, long nowMs) {
        if (dilationRate != null) {
            pupilDilation = dilationRate;
        }
        if (gaze != null) {
            gazeStability = gaze;
        }
        eyesArrivalMs = nowMs;
    }

    boolean machineFresh(long nowMs) {
        return AthleteState.fresh(machineArrivalMs, nowMs);
    }

    boolean eyesFresh(long nowMs) {
        return AthleteState.fresh(eyesArrivalMs, nowMs);
    }

    boolean respirationFresh(long nowMs) {
        return AthleteState.fresh(respArrivalMs, nowMs);
    }

    Double power() {
        return power;
    }

    Double cadence() {
        return cadence;
    }

    Double speed() {
        return speed;
    }

    Double distance() {
        return distance;
    }

    Double pupilSize() {
        return pupilSize;
    }

    Double pupilDilation() {
        return pupilDilation;
    }

    Double blinkRate() {
        return blinkRate;
    }

    Double gazeStability() {
        return gazeStability;
    }

    Double respiratoryRate() {
        return respiratoryRate;
    }
}
