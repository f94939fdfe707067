package com.clisonix.edge.analysis.hrv;

/**
 * Time-domain HRV of one series of NN intervals (Task Force of the ESC and NASPE, Circulation
 * 1996;93:1043-1065).
 *
 * @param nnCount          normal intervals used
 * @param differenceCount  successive differences used (pairs of adjacent normal intervals)
 * @param meanRrMs         mean NN interval, ms
 * @param meanHrBpm        mean of the instantaneous rates 60000 / NN, bpm (not 60000 / mean NN)
 * @param sdnnMs           sample standard deviation (n - 1) of NN, ms
 * @param rmssdMs          root mean square of successive differences, ms
 * @param sdsdMs           sample standard deviation (n - 1) of successive differences, ms
 * @param nn50             successive differences strictly greater than 50 ms in magnitude
 * @param pnn50Percent     NN50 as a percentage of {@code pnn50Denominator}
 * @param pnn50Denominator what pNN50 was divided by
 */
public record HrvMetrics(
        int nnCount,
        int differenceCount,
        double meanRrMs,
        double meanHrBpm,
        double sdnnMs,
        double rmssdMs,
        double sdsdMs,
        int nn50,
        double pnn50Percent,
        Pnn50Denominator pnn50Denominator) {
}
