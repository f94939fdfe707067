package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Pose frames decoded per second of the decoding thread's CPU time, for the same inputs as
 * {@link PoseFrameBenchmark}. On the shared two-core build machine a JMH thread loses its core
 * to other builds for whole time slices, which wall-clock throughput counts as decoding time;
 * CPU time does not, so this is the steadier per-core figure. Not a JMH benchmark: run with
 * {@code java -cp benchmarks/target/benchmarks.jar com.clisonix.edge.bench.PoseFrameCpuTime}.
 */
public final class PoseFrameCpuTime {

  private static volatile Object last;

  private PoseFrameCpuTime() {
  }

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    PoseFrameDecoder decoder = new PoseFrameDecoder();
    for (String precision : new String[] {"full", "4dp"}) {
      for (boolean world : new boolean[] {true, false}) {
        PoseFrameBenchmark b = new PoseFrameBenchmark();
        b.world = world;
        b.precision = precision;
        b.setUp();
        byte[][] frames = b.frames;
        for (int i = 0; i < 200_000; i++) {
          last = decoder.decode(frames[i & Fixtures.RING_MASK]);
        }
        StringBuilder runs = new StringBuilder();
        double best = 0;
        for (int rep = 0; rep < 7; rep++) {
          int n = 40_000;
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) {
            last = decoder.decode(frames[i & Fixtures.RING_MASK]);
          }
          double perSecond = n / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
          best = Math.max(best, perSecond);
          runs.append(String.format(" %.0f", perSecond));
        }
        System.out.printf("precision=%s world=%s frames per CPU-second:%s (best %.0f)%n",
            precision, world, runs, best);
      }
    }
  }
}
