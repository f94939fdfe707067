package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.hr.AthleteProfile;
import com.clisonix.edge.analysis.hr.HeartRateSession;
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
 * One athlete update: a heart-rate sample into the athlete's {@link HeartRateSession} (zones,
 * kcal, effort points, TRIMP, HRmax monitors). The profile is complete, so every accumulator is
 * live; samples arrive once a second and wander through the zones like an interval session.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HeartRateSessionBenchmark {

  private static final int SAMPLES = 1024;

  private HeartRateSession session;
  int[] bpm;
  private long epochMs;
  private int next;

  @Setup
  public void setUp() {
    session = new HeartRateSession(new AthleteProfile(34, "F", 64.0, 56.0, null));
    Random rnd = new Random(7);
    bpm = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      // 4-minute intervals between about 120 and 175 bpm, with beat-to-beat noise
      double phase = Math.sin(2 * Math.PI * i / 240.0);
      bpm[i] = (int) Math.round(148 + 27 * phase + 2 * rnd.nextGaussian());
    }
    epochMs = 1_732_500_000_000L;
    for (int i = 0; i < 10; i++) {
      if (!session.onSample(epochMs += 1_000, bpm[i])) {
        throw new IllegalStateException("sample " + bpm[i] + " bpm was ignored");
      }
    }
    if (session.snapshot().calories() == null || !(session.kcal() > 0)) {
      throw new IllegalStateException("the fixture profile should make calories known");
    }
  }

  @Benchmark
  public void onSample(Blackhole bh) {
    epochMs += 1_000;
    bh.consume(session.onSample(epochMs, bpm[next++ & (SAMPLES - 1)]));
  }
}
