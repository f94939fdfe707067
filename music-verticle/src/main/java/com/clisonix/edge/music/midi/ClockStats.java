package com.clisonix.edge.music.midi;

/**
 * Timing report of a {@link MidiClock}: how far the clock bytes left from their ideal times.
 *
 * <p>Lateness is the delay between a tick's deadline (start time + n x interval, tempo changes
 * re-anchoring the grid) and the moment the byte was handed to the receiver. Interval error is
 * the difference between the actual and the nominal gap from the previous tick; it is what a
 * follower's tempo estimate sees. Percentiles come from a 1 µs-resolution histogram; values above
 * its range count as its top bucket.
 *
 * @param ticks                   clock bytes sent
 * @param sendFailures            sends that the receiver rejected with an exception
 * @param meanIntervalMicros      mean actual gap between consecutive ticks
 * @param meanLatenessMicros      mean lateness
 * @param p99LatenessMicros       99th percentile of lateness
 * @param maxLatenessMicros       largest lateness
 * @param meanIntervalErrorMicros mean absolute interval error
 * @param p99IntervalErrorMicros  99th percentile of absolute interval error
 */
public record ClockStats(
        long ticks,
        long sendFailures,
        double meanIntervalMicros,
        double meanLatenessMicros,
        long p99LatenessMicros,
        long maxLatenessMicros,
        double meanIntervalErrorMicros,
        long p99IntervalErrorMicros) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "ticks=%d failures=%d meanInterval=%.1fµs lateness mean=%.1fµs p99=%dµs max=%dµs"
                        + " intervalError mean=%.1fµs p99=%dµs",
                ticks, sendFailures, meanIntervalMicros, meanLatenessMicros, p99LatenessMicros,
                maxLatenessMicros, meanIntervalErrorMicros, p99IntervalErrorMicros);
    }
}
