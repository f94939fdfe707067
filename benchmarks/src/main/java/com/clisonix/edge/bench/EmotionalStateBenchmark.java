package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.emotion.EmotionInputs;
import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
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
 * The experimental emotional-state label from eye-tracking features and heart rate, with every
 * input present. The inputs sweep from a calm, small-pupilled reader to an aroused, blinking
 * one, so every state's rules get evaluated and different states win.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EmotionalStateBenchmark {

  private final EmotionalStateAnalyzer analyzer = new EmotionalStateAnalyzer();
  EmotionInputs[] inputs;
  private int next;

  @Setup
  public void setUp() {
    inputs = new EmotionInputs[Fixtures.RING];
    for (int i = 0; i < Fixtures.RING; i++) {
      inputs[i] = new EmotionInputs(2.8 + 0.07 * i, 0.02 + 0.006 * i, 8.0 + 0.4 * i,
          90.0 - 0.9 * i, 62.0 + 1.5 * i);
      if (analyzer.analyze(inputs[i]).isEmpty()) {
        throw new IllegalStateException("no emotional state for fixture " + i);
      }
    }
  }

  @Benchmark
  public void analyze(Blackhole bh) {
    bh.consume(analyzer.analyze(inputs[next++ & Fixtures.RING_MASK]));
  }
}
