package com.clisonix.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.music.tempo.MusicStyle;
import com.clisonix.edge.music.tempo.TempoMode;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark's set-up (each one checks that its inputs decode or analyse as intended)
 * and a few hundred calls of every benchmark method, so a decoder change that turns a fixture
 * into a rejected packet fails the build instead of producing a flattering benchmark figure.
 * No timing happens here.
 */
class BenchmarkFixturesTest {

  /** The phrase JMH asks for before it lets code outside a benchmark create a Blackhole. */
  private static final Blackhole BH = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private static final int CALLS = 300;

  @Test
  void heartRateMeasurementPacketsHaveTheAdvertisedShapes() {
    HeartRateMeasurementBenchmark b = new HeartRateMeasurementBenchmark();
    b.setUp();
    // flags, uint8 HR, 2 x RR
    assertThat(Arrays.asList(b.uint8TwoRr)).allSatisfy(p -> assertThat(p).hasSize(1 + 1 + 4));
    // flags, uint16 HR, energy, 4 x RR
    assertThat(Arrays.asList(b.uint16EnergyFourRr)).allSatisfy(p -> assertThat(p).hasSize(1 + 2 + 2 + 8));
    for (int i = 0; i < CALLS; i++) {
      b.uint8HeartRateTwoRr(BH);
      b.uint16HeartRateEnergyFourRr(BH);
    }
  }

  @ParameterizedTest
  @EnumSource(value = GattCharacteristic.class, mode = EnumSource.Mode.MATCH_ALL, names = ".*_DATA")
  void everyFtmsMachineHasAFullPacket(GattCharacteristic machine) {
    FtmsDataBenchmark b = new FtmsDataBenchmark();
    b.machine = machine;
    b.setUp();
    assertThat(b.packetLength()).isGreaterThan(machine == GattCharacteristic.CROSS_TRAINER_DATA ? 3 : 2);
    for (int i = 0; i < CALLS; i++) {
      b.decode(BH);
    }
  }

  @Test
  void singlePacketDecoderFixturesDecode() {
    CyclingPowerBenchmark power = new CyclingPowerBenchmark();
    CscMeasurementBenchmark csc = new CscMeasurementBenchmark();
    RscMeasurementBenchmark rsc = new RscMeasurementBenchmark();
    TheengsBenchmark theengs = new TheengsBenchmark();
    HexEnvelopeBenchmark envelope = new HexEnvelopeBenchmark();
    EyeMetricsBenchmark eyes = new EyeMetricsBenchmark();
    power.setUp();
    csc.setUp();
    rsc.setUp();
    theengs.setUp();
    envelope.setUp();
    eyes.setUp();
    assertThat(power.packets[0]).hasSize(11);
    assertThat(csc.packets[0]).hasSize(11);
    assertThat(rsc.packets[0]).hasSize(10);
    for (int i = 0; i < CALLS; i++) {
      power.decode(BH);
      csc.decode(BH);
      rsc.decode(BH);
      theengs.decodedStrap(BH);
      theengs.polarH10Advert(BH);
      envelope.unwrap(BH);
      envelope.unwrapAndDecodeHeartRate(BH);
      eyes.decode(BH);
    }
  }

  @ParameterizedTest
  @CsvSource({"true,full", "true,4dp", "false,full", "false,4dp"})
  void poseFramesCarryFourPeople(boolean world, String precision) {
    PoseFrameBenchmark b = new PoseFrameBenchmark();
    b.world = world;
    b.precision = precision;
    b.setUp();
    String first = new String(b.frames[0], StandardCharsets.UTF_8);
    assertThat(first).contains("\"people\":[").contains("\"format\":\"mediapipe33\"");
    assertThat(first.split("\"track\"", -1)).hasSize(PoseFrameBenchmark.PEOPLE + 1);
    assertThat(first.contains("\"world\"")).isEqualTo(world);
    for (int i = 0; i < 2 * Fixtures.RING; i++) {
      b.decodeFourPeople(BH);
    }
  }

  @Test
  void poseFrameFullPrecisionIsLargerThanRounded() {
    int full = PoseFrameBenchmark.buildFrames(true, false)[0].length;
    int rounded = PoseFrameBenchmark.buildFrames(true, true)[0].length;
    assertThat(rounded).isLessThan(full);
  }

  @ParameterizedTest
  @CsvSource({"SQUAT,false", "SQUAT,true", "PUSH_UP,false", "PUSH_UP,true"})
  void exerciseAnalyzerKeepsCountingAcrossLaps(SimExercise exercise, boolean world) {
    ExerciseAnalyzerBenchmark b = new ExerciseAnalyzerBenchmark();
    b.exercise = exercise;
    b.world = world;
    b.setUp();
    // more than one lap, so the time shift at the wrap is exercised too
    for (int i = 0; i < b.skeletons.length + CALLS; i++) {
      b.onFrame(BH);
    }
  }

  @Test
  void analysisFixturesAnalyse() {
    HeartRateSessionBenchmark session = new HeartRateSessionBenchmark();
    RollingHrvBenchmark hrv = new RollingHrvBenchmark();
    StressLevelBenchmark stress = new StressLevelBenchmark();
    EmotionalStateBenchmark emotion = new EmotionalStateBenchmark();
    session.setUp();
    hrv.setUp();
    stress.setUp();
    emotion.setUp();
    assertThat(Arrays.stream(session.bpm).boxed().toList()).allSatisfy(bpm -> assertThat(bpm).isBetween(100, 200));
    assertThat(Arrays.stream(hrv.rrMs).boxed().toList()).allSatisfy(rr -> assertThat(rr).isBetween(350.0, 1000.0));
    for (int i = 0; i < CALLS; i++) {
      session.onSample(BH);
      hrv.add(BH);
      hrv.currentOverFullWindow(BH);
      stress.analyze(BH);
      emotion.analyze(BH);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TempoMode.class, names = {"INTENSITY", "CADENCE"})
  void tempoPlannerFixturesAreInTheMainPhase(TempoMode mode) {
    TempoPlannerBenchmark b = new TempoPlannerBenchmark();
    b.mode = mode;
    b.setUp();
    assertThat(b.inputs).allSatisfy(in -> assertThat(in.pctHrr()).hasSize(24));
    for (int i = 0; i < CALLS; i++) {
      b.nextBar(BH);
    }
  }

  @ParameterizedTest
  @EnumSource(MusicStyle.class)
  void grooveGeneratorFixturesProduceNotes(MusicStyle style) {
    GrooveGeneratorBenchmark b = new GrooveGeneratorBenchmark();
    b.style = style;
    b.setUp();
    assertThat(Arrays.stream(b.bpm).boxed().toList()).allSatisfy(bpm -> assertThat(bpm).isBetween(100.0, 140.0));
    for (int i = 0; i < CALLS; i++) {
      b.nextBar(BH);
    }
  }

  @Test
  void theJarListsEveryBenchmark() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList, written by the JMH annotation processor").isNotNull();
      lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .collect(Collectors.toList());
    }
    String all = String.join("\n", lines);
    for (String benchmark : List.of(
        "HeartRateMeasurementBenchmark", "FtmsDataBenchmark", "CyclingPowerBenchmark",
        "CscMeasurementBenchmark", "RscMeasurementBenchmark", "TheengsBenchmark",
        "HexEnvelopeBenchmark", "PoseFrameBenchmark", "EyeMetricsBenchmark",
        "HeartRateSessionBenchmark", "RollingHrvBenchmark", "ExerciseAnalyzerBenchmark",
        "StressLevelBenchmark", "EmotionalStateBenchmark", "TempoPlannerBenchmark",
        "GrooveGeneratorBenchmark")) {
      assertThat(all).contains("com.clisonix.edge.bench." + benchmark);
    }
  }

  @Test
  void fieldCipherBenchmarkRoundTripsEveryReading() {
    FieldCipherBenchmark b = new FieldCipherBenchmark();
    b.setUp();
    for (int i = 0; i < 200; i++) {
      assertThat(b.encryptDecryptReadingValue()).isBetween(60.0, 180.0);
      assertThat(b.decryptReadingValue()).isBetween(60.0, 180.0);
    }
  }
}
