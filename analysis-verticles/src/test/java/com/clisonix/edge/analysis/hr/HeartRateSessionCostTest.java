package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The session actor handles every strap on the floor, so a sample must be cheap: the target is at
 * most 2 microseconds per sample and no allocation (no garbage per beat, no boxing).
 */
class HeartRateSessionCostTest {

    private static long feed(HeartRateSession s, long t, int n) {
        for (int i = 0; i < n; i++) {
            t += 1000;
            s.onSample(t, 95 + (i % 100));
        }
        return t;
    }

    @Test
    void samplesDoNotAllocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        HeartRateSession s = new HeartRateSession(new AthleteProfile(35, "X", 70.0, 58.0, null));
        long t = feed(s, 0, 300_000); // let the JIT compile the hot path first
        long before = threads.getCurrentThreadAllocatedBytes();
        feed(s, t, 500_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // a few hundred bytes of slack for the measuring calls themselves
        assertThat(allocated).isLessThan(4_096);
    }

    @Test
    void aSampleCostsLessThanTwoMicroseconds() {
        HeartRateSession s = new HeartRateSession(new AthleteProfile(35, "X", 70.0, 58.0, null));
        long t = feed(s, 0, 300_000);
        long start = System.nanoTime();
        int n = 1_000_000;
        feed(s, t, n);
        double nanosPerSample = (System.nanoTime() - start) / (double) n;
        assertThat(nanosPerSample).isLessThan(2_000.0);
        assertThat(s.acceptedSamples()).isEqualTo(1_300_000);
    }
}
