package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.hrv.RollingHrv;
import java.util.Random;
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
 * The live HRV window: {@link RollingHrv#add} for each RR interval a strap reports (two or three
 * a second per athlete during exercise), and {@link RollingHrv#current} over a full 60 s window,
 * which the session asks for once a second. The RR stream is an athlete at about 140 bpm with
 * normal beat-to-beat variation and one artefact (a missed beat) in a hundred.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RollingHrvBenchmark {

  private static final int INTERVALS = 1024;

  private RollingHrv hrv;
  double[] rrMs;
  private int next;

  @Setup
  public void setUp() {
    Random rnd = new Random(140);
    rrMs = new double[INTERVALS];
    for (int i = 0; i < INTERVALS; i++) {
      double beat = 430 + 12 * Math.sin(2 * Math.PI * i / 9.0) + 6 * rnd.nextGaussian();
      rrMs[i] = rnd.nextInt(100) == 0 ? 2 * beat : beat;
    }
    hrv = new RollingHrv();
    for (int i = 0; i < INTERVALS; i++) {
      hrv.add(rrMs[i]);
    }
    if (hrv.current().isEmpty() || hrv.spanMs() < 59_000) {
      throw new IllegalStateException("the fixture should fill the 60 s window, span " + hrv.spanMs());
    }
  }

  @Benchmark
  public void add(Blackhole bh) {
    bh.consume(hrv.add(rrMs[next++ & (INTERVALS - 1)]));
  }

  @Benchmark
  public void currentOverFullWindow(Blackhole bh) {
    bh.consume(hrv.current());
  }
}
