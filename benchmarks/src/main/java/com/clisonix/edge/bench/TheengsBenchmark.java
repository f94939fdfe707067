package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.bridge.TheengsDecoder;
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

/**
 * Theengs Gateway / OpenMQTTGateway advert JSON on {@code home/+/BTtoMQTT/+}: a strap the
 * gateway already decoded ({@code bpm}, {@code batt}, {@code rssi} plus brand, model and name
 * fields kept as extras), and a Polar H10 advert left undecoded, whose heart rate comes from the
 * manufacturer data.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TheengsBenchmark {

  byte[][] decodedStrap;
  byte[][] polarAdvert;
  private int next;

  @Setup
  public void setUp() {
    decodedStrap = new byte[Fixtures.RING][];
    polarAdvert = new byte[Fixtures.RING][];
    for (int i = 0; i < Fixtures.RING; i++) {
      int bpm = 100 + (i * 3) % 80;
      int rssi = -55 - i % 30;
      decodedStrap[i] = Fixtures.utf8(String.format(Locale.ROOT,
          "{\"id\":\"C7:FA:AD:13:2C:%02X\",\"rssi\":%d,\"brand\":\"XOSS\","
              + "\"model\":\"X2 Heart Rate Sensor\",\"model_id\":\"XOSSX2\",\"type\":\"BODY\","
              + "\"bpm\":%d,\"batt\":%d}", i, rssi, bpm, 97 - i % 10));
      polarAdvert[i] = Fixtures.utf8(String.format(Locale.ROOT,
          "{\"id\":\"A1:B2:C3:D4:E5:%02X\",\"name\":\"Polar H10 750873%02d\",\"rssi\":%d,"
              + "\"manufacturerdata\":\"6b003b1644%02x\"}", i, i, rssi, bpm));
      Fixtures.requireDecoded(TheengsDecoder.decode(decodedStrap[i]), 3, "decoded strap advert " + i);
      Fixtures.requireDecoded(TheengsDecoder.decode(polarAdvert[i]), 2, "Polar H10 advert " + i);
    }
  }

  @Benchmark
  public void decodedStrap(Blackhole bh) {
    bh.consume(TheengsDecoder.decode(decodedStrap[next++ & Fixtures.RING_MASK]));
  }

  @Benchmark
  public void polarH10Advert(Blackhole bh) {
    bh.consume(TheengsDecoder.decode(polarAdvert[next++ & Fixtures.RING_MASK]));
  }
}
