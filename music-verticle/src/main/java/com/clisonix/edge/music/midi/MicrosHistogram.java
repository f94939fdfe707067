package com.clisonix.edge.music.midi;

/**
 * Fixed-size histogram of non-negative durations at 1 µs resolution up to {@link #RANGE_MICROS};
 * constant memory, so a clock can run for a whole day without its statistics growing.
 */
final class MicrosHistogram {

    /** Largest value resolved exactly; larger values land in the top bucket. */
    static final int RANGE_MICROS = 50_000;

    private final long[] counts = new long[RANGE_MICROS + 1];
    private long total;
    private double sum;
    private long max;

    void add(long micros) {
        long value = Math.max(0, micros);
        counts[(int) Math.min(value, RANGE_MICROS)]++;
        total++;
        sum += value;
        max = Math.max(max, value);
    }

    long count() {
        return total;
    }

    double mean() {
        return total == 0 ? 0 : sum / total;
    }

    long max() {
        return max;
    }

    /** Smallest value with at least {@code fraction} of the samples at or below it. */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long needed = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= needed) {
                return i;
            }
        }
        return RANGE_MICROS;
    }
}
