package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
import com.clisonix.edge.analysis.hr.AthleteProfile;
import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.session.AthleteJson;
import com.clisonix.edge.analysis.session.AthleteMetrics;
import com.clisonix.edge.analysis.session.AthleteState;
import com.clisonix.edge.analysis.session.ProfileSnapshot;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Random;
import java.util.UUID;
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
 * One whole athlete update as the shard actor makes it for a heart-rate reading: the
 * {@link AthleteState} takes the {@link Reading} (heart-rate session: zones, kcal, effort points,
 * TRIMP, HRmax monitors), re-evaluates its alerts, and builds the live {@link AthleteMetrics}
 * (stress from heart rate and a filled RR window, zone colour, rounding), optionally also the
 * {@code floor.metrics} JSON. The athlete is in a workout with a complete profile, so every
 * accumulator is live. Readings arrive once a second and wander through the zones like an
 * interval session. The actor builds metrics at most once a second per athlete; the second and
 * third benchmarks charge that cost to every reading, the worst case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AthleteStateBenchmark {

  private static final int SAMPLES = 1024;

  private AthleteState state;
  private Reading[] readings;
  private long epochMs;
  private int next;

  @Setup
  public void setUp() {
    UUID user = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    state = new AthleteState(new ProfileSnapshot(user, "ana", new AthleteProfile(34, "F", 64.0, 56.0, null), null,
        null, 0), HeartRateConfig.defaults(), new StressLevelAnalyzer(), new EmotionalStateAnalyzer());
    epochMs = 1_732_500_000_000L;
    state.startWorkout(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"), null);
    Random rnd = new Random(7);
    readings = new Reading[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      // 4-minute intervals between about 120 and 175 bpm, with beat-to-beat noise
      double phase = Math.sin(2 * Math.PI * i / 240.0);
      int bpm = (int) Math.round(148 + 27 * phase + 2 * rnd.nextGaussian());
      readings[i] = new Reading(user, ReadingType.HEART_RATE, bpm, "bpm", 0, "A1B2C3D4E5F6", "chest_strap", "bridge1",
          null);
    }
    for (int i = 0; i < 120; i++) {
      state.onReading(new Reading(user, ReadingType.RR_INTERVAL, 420 + 15 * rnd.nextGaussian(), "ms", epochMs, "A1B2C3D4E5F6",
          "chest_strap", "bridge1", null), epochMs);
    }
    for (int i = 0; i < 10; i++) {
      update();
    }
    AthleteMetrics m = state.metrics(epochMs);
    if (m.calories() == null || m.hrvRmssd() == null || m.stressLevel() == null) {
      throw new IllegalStateException("the fixture should make calories, RMSSD and stress known: " + m);
    }
  }

  private boolean update() {
    epochMs += 1_000;
    Reading r = readings[next++ & (SAMPLES - 1)];
    // the reading's own time advances with the clock, as a live strap's does
    Reading timed = new Reading(r.userId(), r.type(), r.value(), r.unit(), epochMs, r.deviceId(), r.deviceType(),
        r.source(), null);
    boolean used = state.onReading(timed, epochMs);
    state.checkAlerts(epochMs);
    return used;
  }

  /** The reading and the alert check, without building metrics. */
  @Benchmark
  public boolean heartRateReading() {
    return update();
  }

  /** The reading, the alert check and the live metrics record. */
  @Benchmark
  public void heartRateReadingWithMetrics(Blackhole bh) {
    bh.consume(update());
    bh.consume(state.metrics(epochMs));
  }

  /** As above, plus the {@code floor.metrics} JSON object the actor publishes. */
  @Benchmark
  public void heartRateReadingWithMetricsJson(Blackhole bh) {
    bh.consume(update());
    bh.consume(AthleteJson.metrics(state.metrics(epochMs)));
  }
}
