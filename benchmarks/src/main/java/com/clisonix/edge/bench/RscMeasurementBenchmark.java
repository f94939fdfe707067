package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.GattDecoder;
import com.clisonix.edge.sensor.gatt.LittleEndian;
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
 * RSC Measurement 0x2A53 from a foot pod on a runner: speed, cadence, stride length, total
 * distance and the running flag, every field the characteristic has.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RscMeasurementBenchmark {

  private final GattDecoder decoder = GattCharacteristic.RSC_MEASUREMENT.decoder();
  byte[][] packets;
  private int next;

  @Setup
  public void setUp() {
    packets = new byte[Fixtures.RING][];
    long distanceDm = 52_340;
    for (int i = 0; i < Fixtures.RING; i++) {
      distanceDm += 30;
      byte[] p = new byte[1 + 2 + 1 + 2 + 4];
      p[0] = 0x07;
      // 2.9-3.2 m/s in 1/256 m/s, 166-173 steps/min, 1.02-1.09 m strides
      LittleEndian.put(p, 1, 742 + (i * 5) % 78, 2);
      LittleEndian.put(p, 3, 166 + i % 8, 1);
      LittleEndian.put(p, 4, 102 + i % 8, 2);
      LittleEndian.put(p, 6, distanceDm, 4);
      packets[i] = p;
      Fixtures.requireDecoded(decoder.decode(p), 4, "RSC packet " + i);
    }
  }

  @Benchmark
  public void decode(Blackhole bh) {
    bh.consume(decoder.decode(packets[next++ & Fixtures.RING_MASK]));
  }
}
