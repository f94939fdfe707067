package com.clisonix.edge.bench;

import com.clisonix.edge.music.midi.GrooveBar;
import com.clisonix.edge.music.midi.GrooveGenerator;
import com.clisonix.edge.music.tempo.MusicStyle;
import org.openjdk.jmh.annotations.Param;
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
 * Generating the next bar of MIDI events (drums, bass, chords) in each style, at a tempo that
 * moves a little from bar to bar as the planner's output does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class GrooveGeneratorBenchmark {

  @Param({"HOUSE", "ROCK", "HIP_HOP", "AMBIENT"})
  public MusicStyle style;

  private GrooveGenerator generator;
  double[] bpm;
  private int next;

  @Setup
  public void setUp() {
    generator = new GrooveGenerator(2026);
    bpm = new double[Fixtures.RING];
    for (int i = 0; i < Fixtures.RING; i++) {
      bpm[i] = 118 + 10 * Math.sin(2 * Math.PI * i / Fixtures.RING);
      GrooveBar bar = generator.bar(i, style, bpm[i]);
      if (bar.events().isEmpty()) {
        throw new IllegalStateException(style + " bar " + i + " has no events");
      }
    }
  }

  @Benchmark
  public void nextBar(Blackhole bh) {
    bh.consume(generator.nextBar(style, bpm[next++ & Fixtures.RING_MASK]));
  }
}
