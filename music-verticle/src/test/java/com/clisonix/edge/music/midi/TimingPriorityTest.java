package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What {@link TimingPriority} reports is what the kernel applied: the thread's scheduling policy
 * and nice value are read back from {@code /proc/thread-self/stat} (fields 19 and 41, proc(5)).
 * As root, as in CI, real-time scheduling is granted; elsewhere the fallback must say so.
 */
class TimingPriorityTest {

    record Applied(TimingPriority.Outcome outcome, int nice, int policy) {
    }

    @Test
    void theOutcomeIsWhatTheKernelApplied() throws Exception {
        for (TimingPriority.Mode mode : TimingPriority.Mode.values()) {
            Applied a = onFreshThread(mode);
            switch (a.outcome().applied()) {
                case REALTIME -> assertThat(a.policy()).as("SCHED_FIFO").isEqualTo(1);
                case NICE -> assertThat(a.nice()).isEqualTo(TimingPriority.NICE_VALUE);
                case NORMAL -> {
                    assertThat(a.policy()).isZero();
                    assertThat(a.nice()).isZero();
                }
            }
            assertThat(a.outcome().applied().ordinal()).as("never more than asked").isGreaterThanOrEqualTo(mode.ordinal());
            if (isRoot()) {
                assertThat(a.outcome().applied()).as(a.outcome().detail()).isEqualTo(mode);
            }
        }
    }

    @Test
    void configurationValuesParse() {
        assertThat(TimingPriority.Mode.parse(" Realtime ")).isEqualTo(TimingPriority.Mode.REALTIME);
        assertThat(TimingPriority.Mode.parse("nice")).isEqualTo(TimingPriority.Mode.NICE);
        assertThatThrownBy(() -> TimingPriority.Mode.parse("max")).hasMessageContaining("realtime, nice, normal");
    }

    private static Applied onFreshThread(TimingPriority.Mode mode) throws Exception {
        AtomicReference<Applied> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                TimingPriority.Outcome outcome = TimingPriority.raiseCurrentThread(mode);
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, so field n is f[n - 3]
                out.set(new Applied(outcome, Integer.parseInt(f[19 - 3]), Integer.parseInt(f[41 - 3])));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return out.get();
    }

    private static boolean isRoot() throws Exception {
        return Files.readString(Path.of("/proc/self/status")).lines()
            .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
    }
}
