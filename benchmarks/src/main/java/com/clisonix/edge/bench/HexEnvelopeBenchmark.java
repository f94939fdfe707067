package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.bridge.HexEnvelope;
import com.clisonix.edge.sensor.bridge.HexEnvelopeDecoder;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.GattDecoder;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder.HeartRateMeasurement;
import com.clisonix.edge.sensor.gatt.SensorContact;
import java.util.HexFormat;
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
 * The {@code .../{char}/json} envelope of bridges that cannot publish binary, carrying a heart
 * rate measurement with two RR intervals and a timestamp: the unwrap alone, and the unwrap
 * followed by the GATT decode, which is what ingestion does with such a message.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HexEnvelopeBenchmark {

  private final GattDecoder heartRate = GattCharacteristic.HEART_RATE_MEASUREMENT.decoder();
  byte[][] envelopes;
  private int next;

  @Setup
  public void setUp() {
    envelopes = new byte[Fixtures.RING][];
    HexFormat hex = HexFormat.of().withUpperCase();
    for (int i = 0; i < Fixtures.RING; i++) {
      int bpm = 90 + (i * 5) % 90;
      int beat = HeartRateMeasurementEncoder.rrToUnits(60_000.0 / bpm);
      byte[] value = HeartRateMeasurementEncoder.encode(new HeartRateMeasurement(
          bpm, false, SensorContact.CONTACT, null, new int[] {beat - 4 + i % 9, beat + 3 - i % 7}));
      envelopes[i] = Fixtures.utf8("{\"hex\":\"" + hex.formatHex(value) + "\",\"ts\":"
          + (1_732_500_000_123L + 1_000L * i) + "}");
      HexEnvelope env = Fixtures.requireParsed(HexEnvelopeDecoder.decode(envelopes[i]), "envelope " + i);
      Fixtures.requireDecoded(heartRate.decode(env.value()), 4, "enveloped packet " + i);
    }
  }

  @Benchmark
  public void unwrap(Blackhole bh) {
    bh.consume(HexEnvelopeDecoder.decode(envelopes[next++ & Fixtures.RING_MASK]));
  }

  @Benchmark
  public void unwrapAndDecodeHeartRate(Blackhole bh) {
    ParseResult<HexEnvelope> r = HexEnvelopeDecoder.decode(envelopes[next++ & Fixtures.RING_MASK]);
    if (r instanceof ParseResult.Parsed<HexEnvelope> p) {
      bh.consume(p.value().ts());
      bh.consume(heartRate.decode(p.value().value()));
    } else {
      bh.consume(r);
    }
  }
}
