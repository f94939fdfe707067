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
 * Cycling Power Measurement 0x2A63 as a crank-based power meter on a spin bike sends it: power,
 * pedal power balance (left reference), crank revolutions with event time, and accumulated
 * energy. Balance and energy become readings, the crank counters and reference flag raw extras.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CyclingPowerBenchmark {

  private final GattDecoder decoder = GattCharacteristic.CYCLING_POWER_MEASUREMENT.decoder();
  byte[][] packets;
  private int next;

  @Setup
  public void setUp() {
    packets = new byte[Fixtures.RING][];
    int crankRevs = 2_700;
    int crankTime = 40_000;
    for (int i = 0; i < Fixtures.RING; i++) {
      // balance (bit 0) with left reference (bit 1), crank data (bit 5), accumulated energy (bit 11)
      int flags = 0x0001 | 0x0002 | 0x0020 | 0x0800;
      byte[] p = new byte[2 + 2 + 1 + 4 + 2];
      LittleEndian.put(p, 0, flags, 2);
      LittleEndian.put(p, 2, 180 + (i * 7) % 90, 2);
      LittleEndian.put(p, 4, 98 + i % 5, 1);
      crankRevs = (crankRevs + 1) & 0xFFFF;
      crankTime = (crankTime + 683) & 0xFFFF;
      LittleEndian.put(p, 5, crankRevs, 2);
      LittleEndian.put(p, 7, crankTime, 2);
      LittleEndian.put(p, 9, 96 + i / 8, 2);
      packets[i] = p;
      Fixtures.requireDecoded(decoder.decode(p), 3, "cycling power packet " + i);
    }
  }

  @Benchmark
  public void decode(Blackhole bh) {
    bh.consume(decoder.decode(packets[next++ & Fixtures.RING_MASK]));
  }
}
