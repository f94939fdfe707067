package com.clisonix.edge.bench;

import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_PACE;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.CALORIES;
import static com.clisonix.edge.sensor.reading.ReadingType.DISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.ELAPSED_TIME;
import static com.clisonix.edge.sensor.reading.ReadingType.ELEVATION_GAIN;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_HOUR;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_MINUTE;
import static com.clisonix.edge.sensor.reading.ReadingType.FLOORS;
import static com.clisonix.edge.sensor.reading.ReadingType.FORCE_ON_BELT;
import static com.clisonix.edge.sensor.reading.ReadingType.HEART_RATE;
import static com.clisonix.edge.sensor.reading.ReadingType.INCLINATION;
import static com.clisonix.edge.sensor.reading.ReadingType.METABOLIC_EQUIVALENT;
import static com.clisonix.edge.sensor.reading.ReadingType.NEGATIVE_ELEVATION_GAIN;
import static com.clisonix.edge.sensor.reading.ReadingType.PACE;
import static com.clisonix.edge.sensor.reading.ReadingType.POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.RAMP_ANGLE;
import static com.clisonix.edge.sensor.reading.ReadingType.REMAINING_TIME;
import static com.clisonix.edge.sensor.reading.ReadingType.RESISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.STEP_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STRIDE_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STROKE_COUNT;

import com.clisonix.edge.sensor.gatt.FtmsDataDecoder;
import com.clisonix.edge.sensor.gatt.FtmsDataEncoder;
import com.clisonix.edge.sensor.gatt.FtmsField;
import com.clisonix.edge.sensor.gatt.FtmsGroup;
import com.clisonix.edge.sensor.gatt.FtmsLayout;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.GattDecoder;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The six FTMS data characteristics, each with a full packet: every field group the machine
 * type defines is present with a value a machine in use would report, so the decoder does the
 * most work a single notification can ask of it. Packets are built with the product's own FTMS
 * encoder; elapsed time, distance and heart rate move from packet to packet as on a real
 * machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FtmsDataBenchmark {

  @Param({"INDOOR_BIKE_DATA", "TREADMILL_DATA", "ROWER_DATA", "CROSS_TRAINER_DATA",
      "STEP_CLIMBER_DATA", "STAIR_CLIMBER_DATA"})
  public GattCharacteristic machine;

  private GattDecoder decoder;
  byte[][] packets;
  private int next;

  @Setup
  public void setUp() {
    decoder = machine.decoder();
    FtmsLayout layout = ((FtmsDataDecoder) decoder).layout();
    Map<ReadingType, Double> base = typicalValues(machine);
    int fields = 0;
    for (FtmsGroup g : layout.groups()) {
      for (FtmsField f : g.fields()) {
        if (!base.containsKey(f.type())) {
          throw new IllegalStateException(machine + " fixture lacks " + f.type());
        }
        fields++;
      }
    }
    FtmsDataEncoder encoder = new FtmsDataEncoder(layout);
    packets = new byte[Fixtures.RING][];
    for (int i = 0; i < Fixtures.RING; i++) {
      final int k = i;
      Map<ReadingType, Double> v = new EnumMap<>(base);
      v.computeIfPresent(ELAPSED_TIME, (t, s) -> s + k);
      v.computeIfPresent(DISTANCE, (t, m) -> m + 4.0 * k);
      v.computeIfPresent(HEART_RATE, (t, bpm) -> bpm + k % 12);
      packets[i] = encoder.encode(v);
      Fixtures.requireDecoded(decoder.decode(packets[i]), fields, machine + " packet " + i);
    }
  }

  /** Packet length in bytes, for the report. */
  int packetLength() {
    return packets[0].length;
  }

  /** What a machine mid-workout reports, in reading units; every field of its layout is set. */
  static Map<ReadingType, Double> typicalValues(GattCharacteristic machine) {
    Map<ReadingType, Double> v = new EnumMap<>(ReadingType.class);
    v.put(CALORIES, 245.0);
    v.put(ENERGY_PER_HOUR, 690.0);
    v.put(ENERGY_PER_MINUTE, 11.0);
    v.put(HEART_RATE, 142.0);
    v.put(METABOLIC_EQUIVALENT, 8.4);
    v.put(ELAPSED_TIME, 1260.0);
    v.put(REMAINING_TIME, 1440.0);
    switch (machine) {
      case INDOOR_BIKE_DATA -> {
        v.put(SPEED, 31.25);
        v.put(AVERAGE_SPEED, 29.8);
        v.put(CADENCE, 88.5);
        v.put(AVERAGE_CADENCE, 85.0);
        v.put(DISTANCE, 10_430.0);
        v.put(RESISTANCE, 12.0);
        v.put(POWER, 236.0);
        v.put(AVERAGE_POWER, 214.0);
      }
      case TREADMILL_DATA -> {
        v.put(SPEED, 10.5);
        v.put(AVERAGE_SPEED, 9.8);
        v.put(DISTANCE, 3_480.0);
        v.put(INCLINATION, 1.5);
        v.put(RAMP_ANGLE, 0.9);
        v.put(ELEVATION_GAIN, 42.3);
        v.put(NEGATIVE_ELEVATION_GAIN, 0.0);
        // the wire unit is 0.1 km/min, so paces land on 600 / n s/km
        v.put(PACE, 300.0);
        v.put(AVERAGE_PACE, 300.0);
        v.put(FORCE_ON_BELT, 35.0);
        v.put(POWER, 182.0);
      }
      case ROWER_DATA -> {
        v.put(CADENCE, 28.5);
        v.put(STROKE_COUNT, 612.0);
        v.put(AVERAGE_CADENCE, 27.0);
        v.put(DISTANCE, 5_210.0);
        v.put(PACE, 118.0);
        v.put(AVERAGE_PACE, 121.0);
        v.put(POWER, 205.0);
        v.put(AVERAGE_POWER, 196.0);
        v.put(RESISTANCE, 6.0);
      }
      case CROSS_TRAINER_DATA -> {
        v.put(SPEED, 9.6);
        v.put(AVERAGE_SPEED, 9.1);
        v.put(DISTANCE, 3_050.0);
        v.put(CADENCE, 142.0);
        v.put(AVERAGE_CADENCE, 138.0);
        v.put(STRIDE_COUNT, 1_476.5);
        v.put(ELEVATION_GAIN, 18.0);
        v.put(NEGATIVE_ELEVATION_GAIN, 0.0);
        v.put(INCLINATION, 4.0);
        v.put(RAMP_ANGLE, 2.3);
        v.put(RESISTANCE, 8.5);
        v.put(POWER, 168.0);
        v.put(AVERAGE_POWER, 160.0);
      }
      case STEP_CLIMBER_DATA -> {
        v.put(FLOORS, 41.0);
        v.put(STEP_COUNT, 1_230.0);
        v.put(CADENCE, 62.0);
        v.put(AVERAGE_CADENCE, 58.0);
        v.put(ELEVATION_GAIN, 123.0);
      }
      case STAIR_CLIMBER_DATA -> {
        v.put(FLOORS, 38.0);
        v.put(CADENCE, 70.0);
        v.put(AVERAGE_CADENCE, 66.0);
        v.put(ELEVATION_GAIN, 114.0);
        v.put(STRIDE_COUNT, 1_140.0);
      }
      default -> throw new IllegalArgumentException(machine + " is not an FTMS machine");
    }
    return v;
  }

  @Benchmark
  public void decode(Blackhole bh) {
    bh.consume(decoder.decode(packets[next++ & Fixtures.RING_MASK]));
  }
}
