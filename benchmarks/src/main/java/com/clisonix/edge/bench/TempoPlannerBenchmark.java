package com.clisonix.edge.bench;

import com.clisonix.edge.music.tempo.ClassPhase;
import com.clisonix.edge.music.tempo.PlannedBar;
import com.clisonix.edge.music.tempo.PlannerInput;
import com.clisonix.edge.music.tempo.TempoMode;
import com.clisonix.edge.music.tempo.TempoPlanner;
import com.clisonix.edge.music.tempo.TempoSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
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
 * Planning the next bar for a class of 24 athletes in its main phase: from the floor's heart-rate
 * reserve ({@code INTENSITY}) or from the riders' pedalling cadence ({@code CADENCE}). The
 * floor's numbers drift from bar to bar so the planner keeps moving the tempo.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TempoPlannerBenchmark {

  private static final int ATHLETES = 24;

  @Param({"INTENSITY", "CADENCE"})
  public TempoMode mode;

  private TempoPlanner planner;
  PlannerInput[] inputs;
  private int next;

  @Setup
  public void setUp() {
    planner = new TempoPlanner(new TempoSettings(mode, TempoSettings.DEFAULTS.style(),
        TempoSettings.DEFAULT_MIN_BPM, TempoSettings.DEFAULT_MAX_BPM, OptionalDouble.empty()));
    Instant classStart = Instant.parse("2026-11-25T18:00:00Z");
    Random rnd = new Random(24);
    inputs = new PlannerInput[Fixtures.RING];
    for (int i = 0; i < Fixtures.RING; i++) {
      double drift = 20 * Math.sin(2 * Math.PI * i / Fixtures.RING);
      List<Double> pctHrr = new ArrayList<>(ATHLETES);
      List<Double> rpm = new ArrayList<>(ATHLETES);
      for (int a = 0; a < ATHLETES; a++) {
        pctHrr.add(60 + drift + 10 * rnd.nextGaussian());
        rpm.add(85 + drift / 2 + 6 * rnd.nextGaussian());
      }
      // bars of about two seconds, twenty minutes into the class
      Instant now = classStart.plusSeconds(1_200 + 2L * i);
      inputs[i] = PlannerInput.openFloor(now, pctHrr)
          .withCadences(rpm, List.of())
          .withClassStartedAt(classStart);
      PlannedBar bar = planner.nextBar(inputs[i]);
      if (bar.phase() != ClassPhase.MAIN) {
        throw new IllegalStateException("the fixture should be in the main phase: " + bar);
      }
    }
  }

  @Benchmark
  public void nextBar(Blackhole bh) {
    bh.consume(planner.nextBar(inputs[next++ & Fixtures.RING_MASK]));
  }
}
