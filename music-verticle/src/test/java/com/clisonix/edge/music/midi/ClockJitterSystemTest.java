package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The clock-jitter measurement of BENCHMARKS.md: MIDI beat clock at 128 bpm for 30 s into a
 * loopback receiver that stamps every byte on arrival, after a 3 s warm-up run. The receiver's
 * own figures (arrival gaps against the nominal 19 531.25 µs) are computed here, independently of
 * the clock's {@link ClockStats}, and both are printed and written to
 * {@code target/clock-jitter.txt}.
 *
 * <p>Only what the design guarantees is asserted: the tick count and a drift-free mean interval.
 * The tails depend on the machine and its load, so they are reported, not asserted (the target,
 * p99 interval error at most 1 ms, is checked in the report).
 */
@Tag("system")
class ClockJitterSystemTest {

    private static final double BPM = 128;
    private static final long NOMINAL_NANOS = Math.round(60e9 / (BPM * MidiClock.CLOCKS_PER_QUARTER));

    /** Stamps each clock byte; preallocated so the receiver allocates nothing while measuring. */
    static final class Loopback implements Receiver {
        final long[] stamps = new long[4000];
        volatile int count;

        @Override
        public void send(MidiMessage message, long timeStamp) {
            long now = System.nanoTime();
            if (message.getStatus() == 0xF8 && count < stamps.length) {
                stamps[count] = now;
                count = count + 1;
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void thirtySecondsAtOneTwentyEight() throws Exception {
        run(3_000);
        Loopback loop = new Loopback();
        // the product's default scheduling (music.timing_priority: realtime)
        MidiClock clock = new MidiClock(loop, BPM, TimingPriority.Mode.REALTIME);
        long started = System.nanoTime();
        clock.start();
        Thread.sleep(30_000);
        long closed = System.nanoTime();
        clock.close();
        ClockStats stats = clock.stats();

        int n = loop.count;
        double expected = (closed - started) / (double) NOMINAL_NANOS;
        assertThat((double) n).isBetween(expected - 2, expected + 1);
        long[] errors = new long[n - 1];
        double sumGap = 0;
        double sumError = 0;
        for (int i = 1; i < n; i++) {
            long gap = loop.stamps[i] - loop.stamps[i - 1];
            sumGap += gap;
            errors[i - 1] = Math.abs(gap - NOMINAL_NANOS);
            sumError += errors[i - 1];
        }
        Arrays.sort(errors);
        double meanGapMicros = sumGap / (n - 1) / 1000;
        double meanErrorMicros = sumError / (n - 1) / 1000;
        double p99ErrorMicros = errors[(int) Math.ceil(0.99 * errors.length) - 1] / 1000.0;
        double maxErrorMicros = errors[errors.length - 1] / 1000.0;
        // absolute deadlines: late ticks never shift the grid, so the mean gap stays nominal
        assertThat(meanGapMicros).isCloseTo(NOMINAL_NANOS / 1000.0, org.assertj.core.data.Offset.offset(20.0));

        String report = String.format(Locale.ROOT,
                "MIDI clock 30 s at %.0f bpm into a loopback receiver: %d clocks, nominal interval %.2f µs%n"
                        + "receiver: mean interval %.2f µs, interval error mean %.1f µs, p99 %.1f µs, max %.1f µs%n"
                        + "clock stats: %s%n"
                        + "clock thread scheduling: %s%n"
                        + "target p99 interval error <= 1000 µs: %s%n",
                BPM, n, NOMINAL_NANOS / 1000.0, meanGapMicros, meanErrorMicros, p99ErrorMicros, maxErrorMicros, stats,
                clock.priority().getNow(null),
                p99ErrorMicros <= 1000 ? "met" : "NOT met on this run");
        System.out.print(report);
        write(report);
    }

    private static void run(long millis) throws InterruptedException {
        try (MidiClock warmUp = new MidiClock(new Loopback(), BPM, TimingPriority.Mode.REALTIME)) {
            warmUp.start();
            Thread.sleep(millis);
        }
    }

    private static void write(String report) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("clock-jitter.txt"), report, StandardCharsets.UTF_8);
    }
}
