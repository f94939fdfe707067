package com.clisonix.edge.sensor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.bridge.HexEnvelope;
import com.clisonix.edge.sensor.bridge.HexEnvelopeDecoder;
import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.PlausibilityRules;
import com.clisonix.edge.sensor.eyes.EyeMetrics;
import com.clisonix.edge.sensor.eyes.EyeMetricsDecoder;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.pose.PoseFormat;
import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import com.clisonix.edge.sensor.pose.PosePerson;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.sensor.sim.SimulationTruth.DeviceTruth;
import com.clisonix.edge.sensor.sim.SimulationTruth.Expectation;
import com.clisonix.edge.sensor.sim.SimulationTruth.SetTruth;
import com.clisonix.edge.sensor.sim.SimulationTruth.TrackTruth;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.clisonix.edge.sensor.sim.pose.SimFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The floor simulator as a pure model: determinism, wire formats against the decoders, and physiology. */
class FloorSimulatorTest {

  private static final long START = 1_732_500_000_000L;
  /** One five-minute class, run in full once for the tests below. */
  private static SimulationSpec spec;
  private static List<SimMessage> messages;
  private static SimulationTruth truth;

  @BeforeAll
  static void playOneClass() {
    spec = SimulationSpec.builder()
        .seed(42)
        .athletes(20)
        .cameras(1)
        .peoplePerCamera(4)
        .classLength(Duration.ofMinutes(5))
        .startMs(START)
        .recordExpectations(true)
        .build();
    FloorSimulator sim = new FloorSimulator(spec);
    messages = new ArrayList<>();
    for (long t = START; t <= START + spec.classPlan().lengthMs(); t += 250) {
      messages.addAll(sim.next(t));
    }
    truth = sim.truth();
  }

  @Test
  void theSameSpecAndCallsGiveByteIdenticalMessages() {
    FloorSimulator again = new FloorSimulator(spec);
    List<SimMessage> replay = new ArrayList<>();
    for (long t = START; t <= START + spec.classPlan().lengthMs(); t += 250) {
      replay.addAll(again.next(t));
    }
    assertThat(replay).hasSize(messages.size());
    for (int i = 0; i < replay.size(); i++) {
      assertThat(replay.get(i)).as("message %d", i).isEqualTo(messages.get(i));
    }
    assertThat(again.truth()).isEqualTo(truth);
  }

  @Test
  void slicingTimeDifferentlyOrCappingEachCallChangesNothing() {
    // The same span of time asked for in uneven slices, with random caps per call: the schedule,
    // not the caller's rhythm, decides what is published.
    FloorSimulator sliced = new FloorSimulator(spec);
    Random r = new Random(7);
    List<SimMessage> out = new ArrayList<>();
    long end = START + spec.classPlan().lengthMs();
    long t = START;
    while (t <= end) {
      out.addAll(sliced.next(t, 1 + r.nextInt(40)));
      if (r.nextBoolean()) {
        t += r.nextInt(3000);
      }
    }
    out.addAll(sliced.next(end));
    assertThat(out).isEqualTo(messages);
  }

  @Test
  void anotherSeedPlaysAnotherClass() {
    FloorSimulator other = new FloorSimulator(spec.toBuilder().seed(43).build());
    List<SimMessage> first = other.next(START + 10_000);
    assertThat(first).isNotEqualTo(messages.subList(0, Math.min(first.size(), messages.size())));
    assertThat(other.athletes().get(0).strapId()).isNotEqualTo(truth.athletes().get(0).strapId());
  }

  @Test
  void bridgesAnnounceThemselvesRetainedBeforeAnythingElse() {
    // CONTRACT.md section 1: {root}/ble/{bridgeId}/status, online or offline, retained
    for (int i = 0; i < spec.bridgeIds().size(); i++) {
      SimMessage m = messages.get(i);
      assertThat(m.topic()).isEqualTo("gym/demo/ble/" + spec.bridgeIds().get(i) + "/status");
      assertThat(new String(m.payload(), StandardCharsets.US_ASCII)).isEqualTo("online");
      assertThat(m.retain()).isTrue();
      assertThat(m.qos()).isEqualTo(1);
      assertThat(m.kind()).isEqualTo(SimMessage.BRIDGE_STATUS);
    }
    FloorSimulator sim = new FloorSimulator(spec);
    sim.next(START);
    assertThat(sim.bridgesOffline()).extracting(m -> new String(m.payload(), StandardCharsets.US_ASCII), SimMessage::retain)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("offline", true));
  }

  @Test
  void theFloorIsPopulatedAsSpecified() {
    List<SimAthlete> athletes = truth.athletes();
    assertThat(athletes).hasSize(20);
    Map<MachineKind, Long> machines = athletes.stream().filter(a -> a.machine() != null)
        .collect(Collectors.groupingBy(SimAthlete::machine, Collectors.counting()));
    assertThat(machines).containsEntry(MachineKind.BIKE, 5L).containsEntry(MachineKind.TREADMILL, 4L)
        .containsEntry(MachineKind.ROWER, 3L);
    Set<String> ids = new HashSet<>();
    for (SimAthlete a : athletes) {
      // CONTRACT.md section 1: ids are published in their normalised form
      for (String id : new String[] {a.strapId(), a.machineId()}) {
        if (id == null) {
          continue;
        }
        assertThat(ids.add(id)).as("unique id %s", id).isTrue();
        ParseResult<?> parsed = DeviceIds.normalise(id);
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed<?>) parsed).value().toString()).isEqualTo(id);
      }
      assertThat(a.username()).matches("[A-Za-z0-9._-]{3,64}");
      assertThat(a.gender()).isIn("M", "F", "X");
      assertThat(a.age()).isBetween(18, 65);
      assertThat(a.restingHr()).isBetween(44, 86);
      assertThat(a.maxHr()).isBetween(150, 215).isGreaterThan(a.restingHr() + 60);
      assertThat(a.bridgeId()).isIn(spec.bridgeIds());
      if (a.track() != null) {
        assertThat(a.machine()).as("cameras watch athletes training on the floor").isNull();
        assertThat(a.cameraId()).isEqualTo("camera-1");
      }
    }
    assertThat(athletes.stream().map(SimAthlete::username).distinct()).hasSize(20);
    assertThat(athletes.stream().filter(a -> a.track() != null)).hasSize(4);
  }

  @Test
  void everyBleMessageDecodesToTheValuesTheTruthSays() {
    Map<Long, Expectation> expected = new HashMap<>();
    for (Expectation e : truth.expectations()) {
      expected.put(e.sequence(), e);
    }
    Map<String, Long> readings = new HashMap<>();
    Map<String, Long> count = new HashMap<>();
    int json = 0;
    for (int seq = 0; seq < messages.size(); seq++) {
      SimMessage m = messages.get(seq);
      if (m.kind().equals(SimMessage.BRIDGE_STATUS) || m.kind().equals(SimMessage.POSE)
          || m.kind().equals(SimMessage.EYES)) {
        continue;
      }
      Expectation e = expected.get((long) seq);
      assertThat(e).as("expectation for %s", m).isNotNull();
      assertThat(e.topic()).isEqualTo(m.topic());
      String[] levels = m.topic().split("/");
      // {root}/ble/{bridgeId}/{deviceId}/{char}[/json], root being two levels
      assertThat(levels[2]).isEqualTo("ble");
      assertThat(levels[4]).isEqualTo(m.deviceId());
      byte[] value = m.payload();
      if (m.topic().endsWith("/json")) {
        json++;
        ParseResult<HexEnvelope> env = HexEnvelopeDecoder.decode(m.payload());
        assertThat(env).as("envelope %s", m).isInstanceOf(ParseResult.Parsed.class);
        HexEnvelope h = ((ParseResult.Parsed<HexEnvelope>) env).value();
        assertThat(h.ts().isPresent()).isTrue();
        assertThat(h.ts().getAsLong()).isEqualTo(e.ts());
        value = h.value();
      }
      GattCharacteristic c = GattCharacteristic.fromTopicLevel(levels[5]).orElseThrow();
      DecodeResult result = c.decoder().decode(value);
      assertThat(result).as("decoding %s", m).isInstanceOf(DecodeResult.Decoded.class);
      DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
      assertThat(decoded.measurements()).as("readings of %s", m).isEqualTo(e.readings());
      assertThat(decoded.dropped()).isEmpty();
      PlausibilityRules.Outcome checked = PlausibilityRules.apply(decoded, c.marksMachine());
      assertThat(checked.decoded().dropped()).as("dropped by the contract's rules in %s", m).isEmpty();
      assertThat(checked.implausible()).as("implausible readings in %s", m).isEmpty();
      readings.merge(m.deviceId(), (long) decoded.measurements().size(), Long::sum);
      count.merge(m.deviceId(), 1L, Long::sum);
    }
    assertThat(json).as("some straps use the JSON hex envelope").isPositive();
    assertThat(truth.devices()).hasSize(20 + 12);
    for (DeviceTruth d : truth.devices().values()) {
      assertThat(count.get(d.deviceId())).as("messages of %s", d.deviceId()).isEqualTo(d.messages());
      assertThat(readings.get(d.deviceId())).as("readings of %s", d.deviceId()).isEqualTo(d.readings());
      // a five-minute class at 1 Hz
      assertThat(d.messages()).isBetween(299L, 301L);
    }
  }

  @Test
  void heartRatesStayPhysiologicalAndFollowTheClass() {
    long workPeak = 0;
    for (SimAthlete a : truth.athletes()) {
      List<double[]> hr = strapSeries(a.strapId());
      DeviceTruth d = truth.devices().get(a.strapId());
      assertThat(d.minHeartRate()).isGreaterThanOrEqualTo(a.restingHr() - 4).isGreaterThanOrEqualTo(40);
      assertThat(d.maxHeartRate()).isLessThanOrEqualTo(a.maxHr());
      double prev = -1;
      for (double[] s : hr) {
        if (prev > 0) {
          assertThat(Math.abs(s[1] - prev)).as("beat-to-beat jump for %s", a.username()).isLessThanOrEqualTo(8);
        }
        prev = s[1];
      }
      // Warm-up starts near rest; the intervals push well into the heart-rate reserve; the
      // cool-down brings it down again.
      double first = hr.get(0)[1];
      double peak = hr.stream().mapToDouble(s -> s[1]).max().orElseThrow();
      double last = hr.get(hr.size() - 1)[1];
      double reserve = a.maxHr() - a.restingHr();
      assertThat(first).isLessThan(a.restingHr() + 0.35 * reserve);
      assertThat(peak).as("peak of %s", a.username()).isGreaterThan(a.restingHr() + 0.6 * reserve);
      assertThat(last).isLessThan(peak - 10);
      if (peak > workPeak) {
        workPeak = (long) peak;
      }
    }
    assertThat(workPeak).isGreaterThan(150);
  }

  @Test
  void rrIntervalsAreConsistentWithTheHeartRateAndVary() {
    int multi = 0;
    int packets = 0;
    for (Expectation e : truth.expectations()) {
      if (!e.topic().contains("/2a37")) {
        continue;
      }
      double bpm = value(e.readings(), ReadingType.HEART_RATE);
      List<Double> rr = e.readings().stream().filter(m -> m.type() == ReadingType.RR_INTERVAL)
          .map(Measurement::value).toList();
      if (rr.isEmpty()) {
        continue;
      }
      packets++;
      if (rr.size() >= 2) {
        multi++;
        assertThat(bpm).as("several beats per second only with a fast heart").isGreaterThan(58);
      }
      double mean = rr.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertThat(60_000 / mean).as("HR from RR vs HR sent").isCloseTo(bpm, within(bpm * 0.15));
      for (double v : rr) {
        assertThat(v).isBetween(250.0, 1500.0);
      }
    }
    assertThat(packets).isGreaterThan(4000);
    assertThat(multi).as("packets with two or more RR intervals").isGreaterThan(packets / 10);

    // Respiratory sinus arrhythmia: beat-to-beat variability is larger at rest than at high effort.
    List<Double> calm = new ArrayList<>();
    List<Double> hard = new ArrayList<>();
    for (SimAthlete a : truth.athletes()) {
      List<Double> series = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      for (Expectation e : truth.expectations()) {
        if (e.deviceId().equals(a.strapId())) {
          for (Measurement m : e.readings()) {
            if (m.type() == ReadingType.RR_INTERVAL) {
              series.add(m.value());
              rates.add(value(e.readings(), ReadingType.HEART_RATE));
            }
          }
        }
      }
      for (int i = 1; i < series.size(); i++) {
        double diff = Math.abs(series.get(i) - series.get(i - 1)) / series.get(i);
        double pctReserve = (rates.get(i) - a.restingHr()) / (a.maxHr() - a.restingHr());
        (pctReserve < 0.3 ? calm : pctReserve > 0.7 ? hard : new ArrayList<Double>()).add(diff);
      }
    }
    assertThat(mean(calm)).isGreaterThan(mean(hard) * 1.5);
  }

  @Test
  void machinesFollowTheEffortAndTheirTotalsOnlyGrow() {
    for (SimAthlete a : truth.athletes()) {
      if (a.machine() == null) {
        continue;
      }
      List<List<Measurement>> series = truth.expectations().stream().filter(e -> e.deviceId().equals(a.machineId()))
          .map(Expectation::readings).toList();
      double distance = -1;
      double elapsed = -1;
      double kcal = -1;
      for (List<Measurement> r : series) {
        assertThat(value(r, ReadingType.DISTANCE)).isGreaterThanOrEqualTo(distance);
        assertThat(value(r, ReadingType.ELAPSED_TIME)).isGreaterThanOrEqualTo(elapsed);
        assertThat(value(r, ReadingType.CALORIES)).isGreaterThanOrEqualTo(kcal);
        distance = value(r, ReadingType.DISTANCE);
        elapsed = value(r, ReadingType.ELAPSED_TIME);
        kcal = value(r, ReadingType.CALORIES);
        switch (a.machine()) {
          case BIKE -> {
            assertThat(value(r, ReadingType.SPEED)).isBetween(15.0, 55.0);
            assertThat(value(r, ReadingType.CADENCE)).isBetween(40.0, 130.0);
          }
          case TREADMILL -> assertThat(value(r, ReadingType.SPEED)).isBetween(3.5, 16.5);
          case ROWER -> {
            assertThat(value(r, ReadingType.PACE)).isBetween(80.0, 270.0);
            assertThat(value(r, ReadingType.CADENCE)).isBetween(14.0, 40.0);
          }
        }
      }
      assertThat(distance).as("distance after five minutes on a %s", a.machine()).isGreaterThan(300);
      assertThat(elapsed).isBetween(295.0, 300.0);
      // Effort follows the plan: the first minute of warm-up is easier than the hardest interval.
      String effort = a.machine() == MachineKind.TREADMILL ? "speed" : "power";
      ReadingType type = a.machine() == MachineKind.TREADMILL ? ReadingType.SPEED : ReadingType.POWER;
      double early = series.subList(0, 20).stream().mapToDouble(r -> value(r, type)).average().orElseThrow();
      double best = series.stream().mapToDouble(r -> value(r, type)).max().orElseThrow();
      assertThat(best).as("%s on the %s of %s", effort, a.machine(), a.username()).isGreaterThan(early * 1.3);
    }
  }

  @Test
  void poseFramesParseAndTracksMatchTheTruth() {
    PoseFrameDecoder decoder = new PoseFrameDecoder();
    Map<String, Long> appearances = new HashMap<>();
    long expectedFrame = 0;
    int frames = 0;
    for (SimMessage m : messages) {
      if (!m.kind().equals(SimMessage.POSE)) {
        continue;
      }
      frames++;
      assertThat(m.topic()).isEqualTo("gym/demo/camera/camera-1/pose");
      ParseResult<PoseFrame> parsed = decoder.decode(m.payload());
      assertThat(parsed).as("frame %s", m).isInstanceOf(ParseResult.Parsed.class);
      PoseFrame f = ((ParseResult.Parsed<PoseFrame>) parsed).value();
      assertThat(f.frame()).isEqualTo(expectedFrame++);
      assertThat(f.width()).isEqualTo(1280);
      assertThat(f.height()).isEqualTo(720);
      assertThat(f.ts()).isPresent();
      assertThat(f.dropped()).isEmpty();
      for (PosePerson p : f.people()) {
        assertThat(p.format()).isEqualTo(PoseFormat.MEDIAPIPE33);
        assertThat(p.landmarks()).hasNumberOfRows(33);
        for (double[] row : p.landmarks()) {
          assertThat(row[PosePerson.X]).isBetween(-0.05, 1.05);
          assertThat(row[PosePerson.Y]).isBetween(-0.05, 1.05);
          assertThat(row[PosePerson.VISIBILITY]).isBetween(0.0, 1.0);
        }
        appearances.merge(p.track(), 1L, Long::sum);
      }
    }
    // 15 fps for five minutes
    assertThat(frames).isBetween(4499, 4501);
    int completed = 0;
    for (TrackTruth t : truth.tracks()) {
      assertThat(appearances.getOrDefault(t.track(), 0L)).as("frames of track %s", t.track()).isEqualTo(t.frames());
      assertThat(t.athleteIndex()).isNotNull();
      SimAthlete a = truth.athletes().get(t.athleteIndex());
      assertThat(a.track()).isEqualTo(t.track());
      for (SetTruth s : t.completedSets()) {
        completed++;
        SimExercise ex = SimExercise.valueOf(s.exercise().toUpperCase(Locale.ROOT));
        SimFault fault = SimFault.valueOf(s.fault().toUpperCase(Locale.ROOT));
        assertThat(fault.appliesTo(ex)).isTrue();
        if (ex == SimExercise.PLANK) {
          assertThat(s.goodHoldSeconds() + s.faultSeconds()).isBetween(20.0, 40.0);
        } else {
          assertThat(s.fullReps() + s.partialReps()).isEqualTo(s.attemptedReps());
          assertThat(s.attemptedReps()).isBetween(5, 12);
        }
        assertThat(s.endMs()).isGreaterThan(s.startMs());
      }
    }
    assertThat(completed).as("sets finished in five minutes by four people").isGreaterThanOrEqualTo(8);
  }

  @Test
  void eyeMetricsDecodeForTracksInThePicture() {
    Map<String, Long> perTrack = new HashMap<>();
    for (SimMessage m : messages) {
      if (!m.kind().equals(SimMessage.EYES)) {
        continue;
      }
      ParseResult<EyeMetrics> parsed = EyeMetricsDecoder.decode(m.payload());
      assertThat(parsed).as("eyes %s", m).isInstanceOf(ParseResult.Parsed.class);
      EyeMetrics e = ((ParseResult.Parsed<EyeMetrics>) parsed).value();
      assertThat(e.ts()).isPresent();
      assertThat(e.pupilSizeMm().getAsDouble()).isBetween(2.0, 8.0);
      assertThat(e.blinkRatePerMin().getAsDouble()).isBetween(4.0, 40.0);
      assertThat(e.eyeGazeStability().getAsDouble()).isBetween(20.0, 100.0);
      assertThat(e.pupilDilationRate()).isPresent();
      assertThat(e.toDecoded().measurements()).allMatch(Measurement::isPlausible);
      perTrack.merge(e.track(), 1L, Long::sum);
    }
    for (TrackTruth t : truth.tracks()) {
      assertThat(perTrack.getOrDefault(t.track(), 0L)).isEqualTo(t.eyeMessages()).isPositive();
    }
  }

  @Test
  void withoutTsTheJsonPayloadsCarryNone() {
    FloorSimulator sim = new FloorSimulator(spec.toBuilder().withTs(false).jsonEnvelopeShare(1).build());
    List<SimMessage> out = sim.next(START + 30_000);
    assertThat(out).filteredOn(m -> m.kind().equals(SimMessage.HEART_RATE)).isNotEmpty()
        .allMatch(m -> m.topic().endsWith("/2a37/json"));
    assertThat(out).filteredOn(m -> !m.kind().equals(SimMessage.BRIDGE_STATUS) && (m.topic().endsWith("/json")
        || m.kind().equals(SimMessage.POSE) || m.kind().equals(SimMessage.EYES)))
        .isNotEmpty()
        .noneMatch(m -> new String(m.payload(), StandardCharsets.US_ASCII).contains("\"ts\""));
  }

  @Test
  void aCallerThatAsksForLessNeverLosesAnything() {
    FloorSimulator capped = new FloorSimulator(spec);
    List<SimMessage> out = new ArrayList<>();
    long end = START + 60_000;
    List<SimMessage> batch;
    do {
      batch = capped.next(end, 7);
      assertThat(batch.size()).isLessThanOrEqualTo(7);
      out.addAll(batch);
      if (!batch.isEmpty()) {
        assertThat(capped.lagMs(end)).isGreaterThanOrEqualTo(0);
      }
    } while (!batch.isEmpty());
    assertThat(capped.lagMs(end)).isZero();
    FloorSimulator free = new FloorSimulator(spec);
    assertThat(out).isEqualTo(free.next(end));
  }

  @Test
  void machinesStartANewSessionWithEachClass() {
    SimulationSpec shortClass = spec.toBuilder().classLength(Duration.ofSeconds(60)).peoplePerCamera(0)
        .eyeMetrics(false).build();
    FloorSimulator sim = new FloorSimulator(shortClass);
    sim.next(START + 150_000);
    List<Expectation> bike = sim.truth().expectations().stream()
        .filter(e -> e.topic().endsWith("/2ad2")).toList();
    String device = bike.get(0).deviceId();
    List<Double> elapsed = bike.stream().filter(e -> e.deviceId().equals(device))
        .map(e -> value(e.readings(), ReadingType.ELAPSED_TIME)).toList();
    int resets = 0;
    for (int i = 1; i < elapsed.size(); i++) {
      if (elapsed.get(i) < elapsed.get(i - 1)) {
        resets++;
      }
    }
    assertThat(resets).isEqualTo(2);
  }

  @Test
  void badSpecsAreRefused() {
    SimulationSpec.Builder b = SimulationSpec.builder();
    assertThatThrownBy(() -> b.machineShares(0.6, 0.3, 0.2).build()).hasMessageContaining("more than 1");
    assertThatThrownBy(() -> SimulationSpec.builder().bridgeIds(List.of("a/b")).build())
        .hasMessageContaining("bridge id");
    assertThatThrownBy(() -> SimulationSpec.builder().bridgeIds(List.of()).build())
        .hasMessageContaining("at least one bridge");
    assertThatThrownBy(() -> SimulationSpec.builder().peoplePerCamera(17).build())
        .hasMessageContaining("peoplePerCamera");
    assertThatThrownBy(() -> SimulationSpec.builder().topicRoot("gym/#").build()).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> SimulationSpec.builder().qos(2).build()).hasMessageContaining("qos");
  }

  @Test
  void theStandardPlanWarmsUpWorksInIntervalsAndCoolsDown() {
    ClassPlan plan = ClassPlan.standard(Duration.ofMinutes(45));
    assertThat(plan.lengthMs()).isEqualTo(45 * 60_000L);
    assertThat(plan.phaseAt(0).name()).isEqualTo("warm_up");
    assertThat(plan.phases().stream().filter(p -> p.name().equals("work"))).hasSize(6);
    assertThat(plan.phaseAt(plan.lengthMs() - 1).name()).isEqualTo("cool_down");
    assertThat(plan.intensityAt(0)).isCloseTo(0.25, within(1e-9));
    assertThat(plan.intensityAt(plan.lengthMs())).as("the next class starts over").isCloseTo(0.25, within(1e-9));
    assertThat(plan.classIndexAt(plan.lengthMs() + 1)).isEqualTo(1);
  }

  @Test
  void jsonNumbersAreFixedPrecisionWithoutTrailingZeros() {
    assertThat(SimJson.fixed(new StringBuilder(), 0.51234, 4).toString()).isEqualTo("0.5123");
    assertThat(SimJson.fixed(new StringBuilder(), -0.1, 4).toString()).isEqualTo("-0.1");
    assertThat(SimJson.fixed(new StringBuilder(), 2.0, 3).toString()).isEqualTo("2");
    assertThat(SimJson.fixed(new StringBuilder(), 0.00049, 3).toString()).isEqualTo("0");
    assertThat(SimJson.fixed(new StringBuilder(), 0.0105, 2).toString()).isEqualTo("0.01");
    assertThat(SimJson.fixed(new StringBuilder(), 12.05, 4).toString()).isEqualTo("12.05");
  }

  private static List<double[]> strapSeries(String strapId) {
    List<double[]> out = new ArrayList<>();
    for (Expectation e : truth.expectations()) {
      if (e.deviceId().equals(strapId)) {
        out.add(new double[] {e.sequence(), value(e.readings(), ReadingType.HEART_RATE)});
      }
    }
    return out;
  }

  private static double value(List<Measurement> readings, ReadingType type) {
    return readings.stream().filter(m -> m.type() == type).findFirst().orElseThrow(
        () -> new AssertionError("no " + type + " in " + readings)).value();
  }

  private static double mean(List<Double> values) {
    assertThat(values).isNotEmpty();
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
