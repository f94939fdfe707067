package com.clisonix.edge.music.tempo;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Robust summaries of per-athlete values. The median is used rather than the mean so that one
 * athlete with a faulty strap (a 0 % or 130 % reading) cannot drag the class tempo.
 */
final class FloorStatistics {

    private FloorStatistics() {
    }

    /**
     * Median of the values inside {@code [low, high]}; non-finite and out-of-range values are
     * ignored. Empty when nothing usable is left.
     */
    static OptionalDouble median(List<Double> values, double low, double high) {
        double[] usable = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> Double.isFinite(v) && v >= low && v <= high)
                .sorted()
                .toArray();
        if (usable.length == 0) {
            return OptionalDouble.empty();
        }
        int mid = usable.length / 2;
        return OptionalDouble.of(usable.length % 2 == 1 ? usable[mid] : (usable[mid - 1] + usable[mid]) / 2);
    }

    /** Number of values inside {@code [low, high]}. */
    static long countUsable(List<Double> values, double low, double high) {
        return values.stream().mapToDouble(Double::doubleValue)
                .filter(v -> Double.isFinite(v) && v >= low && v <= high)
                .count();
    }
}
