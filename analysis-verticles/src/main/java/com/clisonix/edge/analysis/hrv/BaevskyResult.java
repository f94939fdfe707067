package com.clisonix.edge.analysis.hrv;

/**
 * Baevsky stress index with the histogram figures it was computed from.
 *
 * @param stressIndex            SI = AMo / (2 Mo MxDMn)
 * @param modeSeconds            Mo: centre of the modal bin, seconds
 * @param amplitudeOfModePercent AMo: share of intervals in the modal bin, percent
 * @param rangeSeconds           MxDMn: longest minus shortest interval, seconds
 * @param modalBinStartMs        start of the modal bin, ms
 * @param binWidthMs             histogram bin width, ms
 * @param intervals              intervals in the histogram
 */
public record BaevskyResult(
        double stressIndex,
        double modeSeconds,
        double amplitudeOfModePercent,
        double rangeSeconds,
        int modalBinStartMs,
        int binWidthMs,
        int intervals) {
}
