package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.eyes.EyeMetrics;
import com.clisonix.edge.sensor.eyes.EyeMetricsDecoder;
import java.util.Locale;
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

/** Eye metrics from a camera's eye tracker ({@code {root}/camera/{cameraId}/eyes}), all four metrics present. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EyeMetricsBenchmark {

  byte[][] payloads;
  private int next;

  @Setup
  public void setUp() {
    payloads = new byte[Fixtures.RING][];
    for (int i = 0; i < Fixtures.RING; i++) {
      payloads[i] = Fixtures.utf8(String.format(Locale.ROOT,
          "{\"ts\":%d,\"track\":\"%d\",\"pupil_size\":%.2f,\"pupil_dilation_rate\":%.3f,"
              + "\"blink_rate\":%d,\"eye_gaze_stability\":%d}",
          1_732_500_000_123L + 200L * i, 1 + i % 4, 3.8 + 0.05 * i, 0.05 + 0.004 * i,
          12 + i % 10, 55 + i % 40));
      EyeMetrics m = Fixtures.requireParsed(EyeMetricsDecoder.decode(payloads[i]), "eye metrics " + i);
      // pupil size and blink rate are readings; dilation rate and gaze stability travel as extras
      if (Fixtures.requireDecoded(m.toDecoded(), 2, "eye metrics " + i).rawExtras().size() != 2) {
        throw new IllegalStateException("eye metrics " + i + " lost a metric: " + m);
      }
    }
  }

  @Benchmark
  public void decode(Blackhole bh) {
    bh.consume(EyeMetricsDecoder.decode(payloads[next++ & Fixtures.RING_MASK]));
  }
}
