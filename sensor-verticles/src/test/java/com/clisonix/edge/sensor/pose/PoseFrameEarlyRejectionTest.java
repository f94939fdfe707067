package com.clisonix.edge.sensor.pose;

import static com.clisonix.edge.sensor.decode.Results.failed;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static com.clisonix.edge.sensor.pose.PoseJson.bytes;
import static com.clisonix.edge.sensor.pose.PoseJson.coco;
import static com.clisonix.edge.sensor.pose.PoseJson.frame;
import static com.clisonix.edge.sensor.pose.PoseJson.mediapipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A frame listing a thousand people is refused at the first person past the cap: the work and
 * the memory it costs are those of the capped frame, not of the thousand people.
 */
class PoseFrameEarlyRejectionTest {

    /**
     * Documented bound (docs/decoding.md, "Pose frames"): rejecting an over-crowded frame
     * allocates less than 128 KiB per call (measured: about 45 KiB, nearly all of it the 16
     * people parsed before the cap is hit).
     */
    static final long REJECTION_ALLOCATION_BOUND = 128 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Average bytes allocated by the current thread per call, after a warm-up. */
    private static long allocatedPerCall(Supplier<?> call) {
        for (int i = 0; i < 200; i++) {
            call.get();
        }
        int n = 200;
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < n; i++) {
            call.get();
        }
        long after = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        return (after - before) / n;
    }

    private static String[] people(int n, boolean full) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = full ? (i % 2 == 0 ? mediapipe(Integer.toString(i)) : coco(Integer.toString(i)))
                          : "{\"track\":\"" + i + "\"}";
        }
        return out;
    }

    @Test
    void thousandPeopleFrameIsRejectedQuicklyWithBoundedAllocation() {
        // A decoder whose size cap admits the ~800 KB payload, so that only the people cap can stop it.
        PoseFrameDecoder roomy = new PoseFrameDecoder(8 * 1024 * 1024, PoseFrameDecoder.DEFAULT_MAX_PEOPLE);
        byte[] crowd = bytes(frame(people(1000, true)));
        assertThat(crowd.length).isGreaterThan(700_000);
        byte[] sixteen = bytes(frame(people(PoseFrameDecoder.DEFAULT_MAX_PEOPLE, true)));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            failed(roomy.decode(crowd), RejectReason.TOO_MANY_PEOPLE);
            assertThat(parsed(roomy.decode(sixteen)).people()).hasSize(16);

            long rejectCost = allocatedPerCall(() -> roomy.decode(crowd));
            long acceptCost = allocatedPerCall(() -> roomy.decode(sixteen));
            assertThat(rejectCost).as("bytes allocated to reject 1000 people").isLessThan(REJECTION_ALLOCATION_BOUND);
            // rejecting the crowd costs no more than parsing the 16 admitted people plus parser overhead
            assertThat(rejectCost).isLessThan(acceptCost + 64 * 1024);

            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                roomy.decode(crowd);
            }
            long perCallMicros = (System.nanoTime() - start) / 200 / 1000;
            // the first 16 people are a few kilobytes of JSON; the other ~780 KB are never read
            assertThat(perCallMicros).as("microseconds per rejection").isLessThan(20_000);
        });
    }

    @Test
    void defaultDecoderRejectsCompactCrowdAndOversizedPayloads() {
        PoseFrameDecoder decoder = new PoseFrameDecoder();
        byte[] compact = bytes(frame(people(1000, false)));
        assertThat(compact.length).isLessThan(PoseFrameDecoder.DEFAULT_MAX_BYTES);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            failed(decoder.decode(compact), RejectReason.TOO_MANY_PEOPLE);
            ParseResult<PoseFrame> big = decoder.decode(bytes(frame(people(1000, true))));
            failed(big, RejectReason.TOO_LARGE);
            assertThat(allocatedPerCall(() -> decoder.decode(compact))).isLessThan(REJECTION_ALLOCATION_BOUND);
        });
    }
}
