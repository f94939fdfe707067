package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.stress.StressAssessment;
import com.clisonix.edge.analysis.stress.StressInputs;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The 0-100 stress score from heart rate, HRV, pupil dilation and breathing rate, with the
 * athlete's resting heart rate known and every signal measured (the most work per call); half
 * the readings are taken during exercise, half at rest.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StressLevelBenchmark {

  private final StressLevelAnalyzer analyzer = new StressLevelAnalyzer();
  StressInputs[] inputs;
  private int next;

  @Setup
  public void setUp() {
    inputs = new StressInputs[Fixtures.RING];
    for (int i = 0; i < Fixtures.RING; i++) {
      inputs[i] = StressInputs.of(70.0 + i, 65.0 - 0.8 * i, 0.05 + 0.006 * i, 12.0 + 0.25 * i)
          .withRestingHeartRate(52.0 + i % 10)
          .duringExercise(i % 2 == 1);
      StressAssessment a = analyzer.analyze(inputs[i]).orElseThrow(
          () -> new IllegalStateException("no stress score for the fixture"));
      if (!a.missing().isEmpty()) {
        throw new IllegalStateException("stress fixture " + i + " lacks " + a.missing());
      }
    }
  }

  @Benchmark
  public void analyze(Blackhole bh) {
    bh.consume(analyzer.analyze(inputs[next++ & Fixtures.RING_MASK]));
  }
}
