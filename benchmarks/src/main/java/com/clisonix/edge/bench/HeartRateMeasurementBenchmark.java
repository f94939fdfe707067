package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.GattDecoder;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder.HeartRateMeasurement;
import com.clisonix.edge.sensor.gatt.SensorContact;
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
 * Heart Rate Measurement 0x2A37, the packet every strap on the floor sends about once a second.
 * Two shapes: what most chest straps send (uint8 heart rate, contact, two RR intervals) and the
 * widest common one (uint16 heart rate, energy expended, four RR intervals).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HeartRateMeasurementBenchmark {

  private final GattDecoder decoder = GattCharacteristic.HEART_RATE_MEASUREMENT.decoder();
  byte[][] uint8TwoRr;
  byte[][] uint16EnergyFourRr;
  private int next;

  @Setup
  public void setUp() {
    Random rnd = new Random(0x2A37);
    uint8TwoRr = new byte[Fixtures.RING][];
    uint16EnergyFourRr = new byte[Fixtures.RING][];
    for (int i = 0; i < Fixtures.RING; i++) {
      int bpm = 95 + rnd.nextInt(90);
      uint8TwoRr[i] = HeartRateMeasurementEncoder.encode(new HeartRateMeasurement(
          bpm, false, SensorContact.CONTACT, null, rr(bpm, 2, rnd)));
      uint16EnergyFourRr[i] = HeartRateMeasurementEncoder.encode(new HeartRateMeasurement(
          bpm, true, SensorContact.CONTACT, 120 + i, rr(bpm, 4, rnd)));
      Fixtures.requireDecoded(decoder.decode(uint8TwoRr[i]), 4, "uint8 + 2 RR packet");
      Fixtures.requireDecoded(decoder.decode(uint16EnergyFourRr[i]), 7, "uint16 + energy + 4 RR packet");
    }
  }

  /** RR intervals in 1/1024 s around the beat length of {@code bpm}, a few percent apart. */
  private static int[] rr(int bpm, int count, Random rnd) {
    int[] out = new int[count];
    double beatMs = 60_000.0 / bpm;
    for (int k = 0; k < count; k++) {
      out[k] = HeartRateMeasurementEncoder.rrToUnits(beatMs * (1 + 0.03 * rnd.nextGaussian()));
    }
    return out;
  }

  @Benchmark
  public void uint8HeartRateTwoRr(Blackhole bh) {
    bh.consume(decoder.decode(uint8TwoRr[next++ & Fixtures.RING_MASK]));
  }

  @Benchmark
  public void uint16HeartRateEnergyFourRr(Blackhole bh) {
    bh.consume(decoder.decode(uint16EnergyFourRr[next++ & Fixtures.RING_MASK]));
  }
}
