package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.sim.pose.SimExercise;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds of the measuring thread's CPU time per operation for {@link AthleteStateBenchmark}
 * and {@link ExerciseAnalyzerBenchmark}, the same fixtures and operations. On the shared two-core
 * build machine a JMH thread loses its core to other builds for whole time slices, which
 * wall-clock figures count as work; CPU time does not (see {@link PoseFrameCpuTime}). Not a JMH
 * benchmark: run with {@code java -cp benchmarks/target/benchmarks.jar
 * com.clisonix.edge.bench.AthleteCpuTime}.
 */
public final class AthleteCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Blackhole BH = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private AthleteCpuTime() {
  }

  public static void main(String[] args) {
    AthleteStateBenchmark a = new AthleteStateBenchmark();
    a.setUp();
    report("AthleteState heartRateReading", 2_000_000, () -> BH.consume(a.heartRateReading()));
    report("AthleteState heartRateReadingWithMetrics", 1_000_000, () -> a.heartRateReadingWithMetrics(BH));
    report("AthleteState heartRateReadingWithMetricsJson", 1_000_000, () -> a.heartRateReadingWithMetricsJson(BH));
    for (SimExercise ex : new SimExercise[] {SimExercise.SQUAT, SimExercise.PUSH_UP}) {
      for (boolean world : new boolean[] {false, true}) {
        ExerciseAnalyzerBenchmark e = new ExerciseAnalyzerBenchmark();
        e.exercise = ex;
        e.world = world;
        e.setUp();
        report("ExerciseAnalyzer onFrame " + ex + " world=" + world, 200_000, () -> e.onFrame(BH));
      }
    }
  }

  private static void report(String name, int n, Runnable op) {
    for (int i = 0; i < n; i++) {
      op.run();
    }
    StringBuilder runs = new StringBuilder();
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 7; rep++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        op.run();
      }
      double ns = (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
      best = Math.min(best, ns);
      runs.append(String.format(" %.0f", ns));
    }
    System.out.printf("%s: ns per op (CPU time), 7 repetitions of %d:%s (best %.0f)%n", name, n, runs, best);
  }
}
