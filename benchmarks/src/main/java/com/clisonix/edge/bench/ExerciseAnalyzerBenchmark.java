package com.clisonix.edge.bench;

import com.clisonix.edge.analysis.pose.ExerciseAnalyzer;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.FrameResult;
import com.clisonix.edge.analysis.pose.FrameStatus;
import com.clisonix.edge.analysis.pose.Skeleton;
import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import java.util.List;
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
 * One person-frame through {@link ExerciseAnalyzer#onFrame}: smoothing, feature extraction,
 * repetition counting and form checks. The frames are a synthesised set of ten squats or
 * push-ups at 30 fps, replayed in a loop with the time shifted forward each lap so the analyser
 * keeps counting. Skeletons are built beforehand: this measures the analyser, not the JSON.
 *
 * <p>{@code world}: with world landmarks the analyser measures 3-D angles; without, it works on
 * pixels and also checks the camera's alignment.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExerciseAnalyzerBenchmark {

  @Param({"SQUAT", "PUSH_UP"})
  public SimExercise exercise;

  @Param({"false", "true"})
  public boolean world;

  private ExerciseKind kind;
  private ExerciseAnalyzer analyzer;
  Skeleton[] skeletons;
  long[] ts;
  private long lapMs;
  private long offsetMs;
  private int next;

  @Setup
  public void setUp() {
    kind = ExerciseKind.fromName(exercise.wireName()).orElseThrow();
    PoseSequence seq = PoseSequenceSynthesizer.generate(
        SequenceSpec.of(exercise, 10, 42).withWorld(world));
    List<PoseSample> samples = seq.samples();
    skeletons = new Skeleton[samples.size()];
    ts = new long[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      PoseSample s = samples.get(i);
      skeletons[i] = Skeleton.fromNormalised(s.landmarks(), 1280, 720, s.world());
      ts[i] = s.tsMillis();
    }
    lapMs = ts[ts.length - 1] - ts[0] + Math.round(1000 / seq.spec().fps());

    // one lap on a throw-away analyser proves the frames are analysed, not skipped
    ExerciseAnalyzer check = new ExerciseAnalyzer(kind);
    int analysed = 0;
    for (int i = 0; i < skeletons.length; i++) {
      FrameResult r = check.onFrame(ts[i], skeletons[i]);
      if (r.status() == FrameStatus.ANALYSED) {
        analysed++;
      }
    }
    check.flush(ts[ts.length - 1] + 1_000);
    if (check.reps() != seq.fullReps() || analysed < skeletons.length * 9 / 10) {
      throw new IllegalStateException(exercise + " (world " + world + "): counted " + check.reps()
          + " of " + seq.fullReps() + " reps, analysed " + analysed + " of " + skeletons.length + " frames");
    }
    analyzer = new ExerciseAnalyzer(kind);
    offsetMs = 0;
    next = 0;
  }

  @Benchmark
  public void onFrame(Blackhole bh) {
    int i = next;
    bh.consume(analyzer.onFrame(ts[i] + offsetMs, skeletons[i]));
    if (++next == skeletons.length) {
      next = 0;
      offsetMs += lapMs;
    }
  }
}
