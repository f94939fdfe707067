package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.decode.DecodeResult;
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
 * CSC Measurement 0x2A5B from a combined speed and cadence sensor: wheel and crank counters with
 * their event times. The decoder yields raw counters only (cadence needs two packets), so this
 * measures the parse and the extras map.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CscMeasurementBenchmark {

  private final GattDecoder decoder = GattCharacteristic.CSC_MEASUREMENT.decoder();
  byte[][] packets;
  private int next;

  @Setup
  public void setUp() {
    packets = new byte[Fixtures.RING][];
    long wheelRevs = 1_581;
    int wheelTime = 43_427;
    int crankRevs = 2_704;
    int crankTime = 40_744;
    for (int i = 0; i < Fixtures.RING; i++) {
      wheelRevs += 4;
      wheelTime = (wheelTime + 1_030) & 0xFFFF;
      crankRevs = (crankRevs + 1) & 0xFFFF;
      crankTime = (crankTime + 700) & 0xFFFF;
      byte[] p = new byte[1 + 6 + 4];
      p[0] = 0x03;
      LittleEndian.put(p, 1, wheelRevs, 4);
      LittleEndian.put(p, 5, wheelTime, 2);
      LittleEndian.put(p, 7, crankRevs, 2);
      LittleEndian.put(p, 9, crankTime, 2);
      packets[i] = p;
      DecodeResult.Decoded d = Fixtures.requireDecoded(decoder.decode(p), 0, "CSC packet " + i);
      if (d.rawExtras().size() != 4) {
        throw new IllegalStateException("CSC packet " + i + " lost counters: " + d.rawExtras());
      }
    }
  }

  @Benchmark
  public void decode(Blackhole bh) {
    bh.consume(decoder.decode(packets[next++ & Fixtures.RING_MASK]));
  }
}
