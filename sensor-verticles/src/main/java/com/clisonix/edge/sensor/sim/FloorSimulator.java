package com.clisonix.edge.sensor.sim;

import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementEncoder.HeartRateMeasurement;
import com.clisonix.edge.sensor.gatt.IndoorBikeDataEncoder;
import com.clisonix.edge.sensor.gatt.IndoorBikeDataEncoder.IndoorBikeData;
import com.clisonix.edge.sensor.gatt.RowerDataEncoder;
import com.clisonix.edge.sensor.gatt.RowerDataEncoder.RowerData;
import com.clisonix.edge.sensor.gatt.SensorContact;
import com.clisonix.edge.sensor.gatt.TreadmillDataEncoder;
import com.clisonix.edge.sensor.gatt.TreadmillDataEncoder.TreadmillData;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.sensor.sim.SimulationTruth.DeviceTruth;
import com.clisonix.edge.sensor.sim.SimulationTruth.Expectation;
import com.clisonix.edge.sensor.sim.SimulationTruth.SetTruth;
import com.clisonix.edge.sensor.sim.SimulationTruth.TrackTruth;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.clisonix.edge.sensor.sim.pose.SimFault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded gym class on MQTT: straps, machines, cameras and bridges of a {@link SimulationSpec},
 * encoded by the product's own GATT encoders and pose frame layout, so every payload is one the
 * gateway's decoders read back to the values in {@link #truth()}.
 *
 * <p>Time is the caller's: {@link #next(long, int)} returns the messages due up to a time, in
 * the order they fall due. Every source (strap, machine, camera, a camera's eye metrics) keeps
 * its own schedule and its own random stream, and athletes' bodies step one simulated second at
 * a time, so the messages depend only on the spec and the times asked for: the same spec and
 * the same calls give byte-identical messages, and so do calls that cut the same span of time
 * into different slices. Pure Java; not thread-safe (one owner drives it).
 *
 * <p>Messages are built lazily, source by source, so a caller that cannot publish fast enough
 * simply asks for fewer: nothing piles up inside the simulator but its schedule.
 */
public final class FloorSimulator {

  /** Largest value of a BLE notification with the default ATT MTU (23 - 3 bytes of header). */
  private static final int MAX_NOTIFICATION_BYTES = 20;
  private static final int FRAME_WIDTH = 1280;
  private static final int FRAME_HEIGHT = 720;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final SimulationSpec spec;
  private final List<SimAthlete> athletes;
  private final Physiology[] bodies;
  private final List<Source> sources = new ArrayList<>();
  private final PriorityQueue<Source> queue = new PriorityQueue<>(
      Comparator.comparingLong((Source s) -> s.due).thenComparingInt(s -> s.order));
  private final ArrayDeque<SimMessage> pending = new ArrayDeque<>();
  private final Map<String, DeviceTally> devices = new LinkedHashMap<>();
  private final List<TrackState> tracks = new ArrayList<>();
  private final Map<String, Long> byKind = new TreeMap<>();
  private final List<Expectation> expectations = new ArrayList<>();
  private long startMs = Long.MIN_VALUE;
  private long sequence;

  public FloorSimulator(SimulationSpec spec) {
    this.spec = spec;
    int n = spec.athletes();
    MachineKind[] machines = assignMachines(n);
    String[] cameraOf = new String[n];
    String[] trackOf = new String[n];
    List<Integer> floor = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (machines[i] == null) {
        floor.add(i);
      }
    }
    // Cameras watch floor athletes; a camera with more slots than floor athletes left films
    // people who are not part of the simulated class (visitors, staff).
    List<Integer[]> trackAthletes = new ArrayList<>();
    int nextFloor = 0;
    for (String camera : spec.cameraIds()) {
      for (int t = 1; t <= spec.peoplePerCamera(); t++) {
        Integer athlete = nextFloor < floor.size() ? floor.get(nextFloor++) : null;
        if (athlete != null) {
          cameraOf[athlete] = camera;
          trackOf[athlete] = Integer.toString(t);
        }
        trackAthletes.add(new Integer[] {athlete});
      }
    }

    Set<String> ids = new HashSet<>();
    List<SimAthlete> list = new ArrayList<>(n);
    bodies = new Physiology[n];
    double[] fitness = new double[n];
    double[] effort = new double[n];
    for (int i = 0; i < n; i++) {
      Random r = new Random(mix(spec.seed(), 1_000 + i));
      int age = 18 + r.nextInt(48);
      double g = r.nextDouble();
      String gender = g < 0.45 ? "M" : g < 0.9 ? "F" : "X";
      double weight = switch (gender) {
        case "M" -> 68 + 25 * r.nextDouble();
        case "F" -> 54 + 24 * r.nextDouble();
        default -> 60 + 26 * r.nextDouble();
      };
      fitness[i] = r.nextDouble();
      int rest = (int) Math.round(Physiology.clamp(74 - 22 * fitness[i] + 3 * r.nextGaussian(), 44, 86));
      // Tanaka's 208 - 0.7 x age, with the individual spread such estimates always have.
      int max = (int) Math.round(Physiology.clamp(208 - 0.7 * age + 5 * r.nextGaussian(), 150, 215));
      effort[i] = 0.85 + 0.22 * r.nextDouble();
      String strap = uniqueMac(ids, spec.seed(), 2 * i);
      String machineId = machines[i] == null ? null : uniqueMac(ids, spec.seed(), 2 * i + 1);
      String bridge = spec.bridgeIds().get(i % spec.bridgeIds().size());
      String username = "sim" + Long.toHexString(spec.seed()) + "_" + String.format(Locale.ROOT, "%03d", i + 1);
      list.add(new SimAthlete(i, username, age, gender, round1(weight), rest, max, strap, bridge, machines[i],
          machineId, cameraOf[i], trackOf[i]));
    }
    athletes = List.copyOf(list);

    int order = 0;
    for (int i = 0; i < n; i++) {
      SimAthlete a = athletes.get(i);
      bodies[i] = new Physiology(spec.classPlan(), new Random(mix(spec.seed(), 2_000_000 + i)), a, fitness[i],
          effort[i]);
      devices.put(a.strapId(), new DeviceTally(a.strapId(), "chest_strap", a.bridgeId(), i));
      sources.add(new StrapSource(a, bodies[i], new Random(mix(spec.seed(), 3_000_000 + i)), order++));
      if (a.machine() != null) {
        devices.put(a.machineId(), new DeviceTally(a.machineId(), a.machine().deviceType(), a.bridgeId(), i));
        sources.add(new MachineSource(a, bodies[i], new Random(mix(spec.seed(), 4_000_000 + i)), fitness[i],
            order++));
      }
    }
    int slot = 0;
    for (int c = 0; c < spec.cameraIds().size(); c++) {
      String camera = spec.cameraIds().get(c);
      List<TrackState> cameraTracks = new ArrayList<>();
      for (int t = 1; t <= spec.peoplePerCamera(); t++) {
        Integer athlete = trackAthletes.get(slot++)[0];
        TrackState ts = new TrackState(camera, Integer.toString(t), athlete,
            athlete == null ? null : bodies[athlete], new Random(mix(spec.seed(), 5_000_000 + 1_000L * c + t)),
            t - 1);
        cameraTracks.add(ts);
        tracks.add(ts);
      }
      sources.add(new CameraSource(camera, cameraTracks, new Random(mix(spec.seed(), 6_000_000 + c)), order++));
      if (spec.eyeMetrics()) {
        sources.add(new EyeSource(camera, cameraTracks, new Random(mix(spec.seed(), 7_000_000 + c)), order++));
      }
    }
  }

  public SimulationSpec spec() {
    return spec;
  }

  /** Everyone on the floor, known before the first message. */
  public List<SimAthlete> athletes() {
    return athletes;
  }

  /** When the class started, or empty before the first {@link #next} call. */
  public java.util.OptionalLong startMs() {
    return startMs == Long.MIN_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(startMs);
  }

  /** Every message due up to {@code nowMs}. */
  public List<SimMessage> next(long nowMs) {
    return next(nowMs, Integer.MAX_VALUE);
  }

  /**
   * The messages due up to {@code nowMs}, at most {@code max} of them, earliest first. Those
   * left out stay due and come first next time. The first call starts the class (at the spec's
   * {@code startMs}, or at {@code nowMs}) and begins with every bridge's retained
   * {@code online}.
   */
  public List<SimMessage> next(long nowMs, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative");
    }
    if (startMs == Long.MIN_VALUE) {
      start(spec.startMs() != null ? spec.startMs() : nowMs);
    }
    List<SimMessage> out = new ArrayList<>(Math.min(max, 256));
    while (out.size() < max && !pending.isEmpty()) {
      out.add(pending.poll());
    }
    List<SimMessage> produced = new ArrayList<>(4);
    while (out.size() < max && !queue.isEmpty() && queue.peek().due <= nowMs) {
      Source s = queue.poll();
      produced.clear();
      s.due = s.fire(s.due, produced);
      queue.add(s);
      for (SimMessage m : produced) {
        if (out.size() < max) {
          out.add(m);
        } else {
          pending.add(m);
        }
      }
    }
    return out;
  }

  /**
   * How far the simulator has fallen behind {@code nowMs}: the age of the oldest message due but
   * not yet handed out, 0 when it keeps up.
   */
  public long lagMs(long nowMs) {
    if (startMs == Long.MIN_VALUE) {
      return 0;
    }
    long oldest = pending.isEmpty() ? (queue.isEmpty() ? Long.MAX_VALUE : queue.peek().due) : nowMs - 1;
    return oldest >= nowMs ? 0 : nowMs - oldest;
  }

  /**
   * Retained {@code offline} for every bridge, for a simulated floor that shuts down in good
   * order (a clean MQTT disconnect does not fire a last will). Counted like any message.
   */
  public List<SimMessage> bridgesOffline() {
    List<SimMessage> out = new ArrayList<>();
    for (String bridge : spec.bridgeIds()) {
      out.add(emit(statusTopic(bridge), "offline".getBytes(StandardCharsets.US_ASCII), 1, true,
          SimMessage.BRIDGE_STATUS, bridge));
    }
    return out;
  }

  /** The topic a bridge announces itself on. */
  public String statusTopic(String bridgeId) {
    return spec.topicRoot() + "/ble/" + bridgeId + "/status";
  }

  /** A snapshot of what has been published so far. */
  public SimulationTruth truth() {
    Map<String, DeviceTruth> dev = new LinkedHashMap<>();
    for (DeviceTally d : devices.values()) {
      dev.put(d.deviceId, new DeviceTruth(d.deviceId, d.deviceType, d.bridgeId, d.athlete, d.messages, d.readings,
          d.minHr == Integer.MAX_VALUE ? 0 : d.minHr, d.maxHr, d.rr, d.last));
    }
    List<TrackTruth> tr = new ArrayList<>();
    for (TrackState t : tracks) {
      List<SetTruth> sets = new ArrayList<>(t.sets);
      if (t.current != null) {
        sets.add(t.currentTruth(false));
      }
      tr.add(new TrackTruth(t.cameraId, t.track, t.athlete, sets, t.frames, t.eyeMessages));
    }
    return new SimulationTruth(athletes, dev, tr, sequence, byKind, expectations);
  }

  private void start(long at) {
    startMs = at;
    for (String bridge : spec.bridgeIds()) {
      pending.add(emit(statusTopic(bridge), "online".getBytes(StandardCharsets.US_ASCII), 1, true,
          SimMessage.BRIDGE_STATUS, bridge));
    }
    for (Source s : sources) {
      s.due = at + s.firstOffset();
      queue.add(s);
    }
  }

  /** Counts a message and hands it over; every message passes here, in publication order. */
  private SimMessage emit(String topic, byte[] payload, int qos, boolean retain, String kind, String deviceId) {
    sequence++;
    byKind.merge(kind, 1L, Long::sum);
    return new SimMessage(topic, payload, qos, retain, kind, deviceId);
  }

  private MachineKind[] assignMachines(int n) {
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(mix(spec.seed(), 1)));
    int bikes = (int) Math.round(n * spec.bikeShare());
    int treadmills = Math.min(n - bikes, (int) Math.round(n * spec.treadmillShare()));
    int rowers = Math.min(n - bikes - treadmills, (int) Math.round(n * spec.rowerShare()));
    MachineKind[] out = new MachineKind[n];
    for (int k = 0; k < bikes + treadmills + rowers; k++) {
      out[order.get(k)] = k < bikes ? MachineKind.BIKE : k < bikes + treadmills ? MachineKind.TREADMILL
          : MachineKind.ROWER;
    }
    return out;
  }

  /**
   * A random but stable MAC in the normalised form: locally administered, unicast (the form
   * randomised BLE addresses take), unique within the simulation.
   */
  private static String uniqueMac(Set<String> taken, long seed, long salt) {
    long v = mix(seed, 10_000_000 + salt);
    while (true) {
      long mac = (v & 0xFCFFFFFFFFFFL) | 0x020000000000L;
      String id = String.format(Locale.ROOT, "%012X", mac);
      if (taken.add(id)) {
        return id;
      }
      v = mix(v, salt);
    }
  }

  /** SplitMix64 of seed and salt: independent streams for every source from one seed. */
  static long mix(long seed, long salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Rounds to the field's resolution exactly as the wire does: raw = round(v x divisor). */
  private static double quantize(double v, double divisor) {
    return Math.round(v * divisor) / divisor;
  }

  private void expect(String topic, String deviceId, Long ts, List<Measurement> readings) {
    if (spec.recordExpectations()) {
      expectations.add(new Expectation(sequence - 1, topic, deviceId, ts, readings));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Something on the floor that publishes on its own schedule. */
  private abstract static class Source {
    final int order;
    long due;

    Source(int order) {
      this.order = order;
    }

    /** Offset of the first message after the class start. */
    abstract long firstOffset();

    /** Publishes what is due at {@code due} into {@code out} and returns the next due time. */
    abstract long fire(long due, List<SimMessage> out);
  }

  /** Mutable per-device counters behind {@link DeviceTruth}. */
  private static final class DeviceTally {
    final String deviceId;
    final String deviceType;
    final String bridgeId;
    final int athlete;
    long messages;
    long readings;
    int minHr = Integer.MAX_VALUE;
    int maxHr;
    long rr;
    List<Measurement> last = List.of();

    DeviceTally(String deviceId, String deviceType, String bridgeId, int athlete) {
      this.deviceId = deviceId;
      this.deviceType = deviceType;
      this.bridgeId = bridgeId;
      this.athlete = athlete;
    }

    void record(List<Measurement> readings) {
      messages++;
      this.readings += readings.size();
      last = List.copyOf(readings);
    }
  }

  /**
   * A chest strap: 0x2A37 once per period with the heart rate, the contact status, RR intervals
   * of the beats since the last notification and, every tenth time on straps that support it,
   * the cumulative energy expended.
   *
   * <p>Beats are generated one by one: RR = 60000 / HR, modulated by respiratory sinus
   * arrhythmia (the heart speeds up breathing in and slows breathing out; strong at rest, nearly
   * gone at high effort, with breathing faster as effort rises) and a little beat-to-beat noise.
   * So a notification carries none, one or several intervals, several when the heart is fast,
   * and only as many as fit in a default-MTU notification (the oldest are lost, as on a strap).
   */
  private final class StrapSource extends Source {
    private final SimAthlete athlete;
    private final Physiology body;
    private final Random rnd;
    private final boolean wide;
    private final boolean json;
    private final boolean contactSupported;
    private final boolean energySupported;
    private final long offset;
    private final String topic;
    private final DeviceTally tally;
    private double prevBeat;
    private double nextBeat;
    private double respPhase;
    private int noContactLeft;
    private long count;

    StrapSource(SimAthlete athlete, Physiology body, Random rnd, int order) {
      super(order);
      this.athlete = athlete;
      this.body = body;
      this.rnd = rnd;
      this.wide = rnd.nextDouble() < 0.12;
      this.json = rnd.nextDouble() < spec.jsonEnvelopeShare();
      this.contactSupported = rnd.nextDouble() < 0.9;
      this.energySupported = rnd.nextDouble() < 0.5;
      this.offset = (long) (rnd.nextDouble() * spec.strapPeriodMs());
      this.topic = spec.topicRoot() + "/ble/" + athlete.bridgeId() + "/" + athlete.strapId() + "/2a37"
          + (json ? "/json" : "");
      this.tally = devices.get(athlete.strapId());
      this.respPhase = rnd.nextDouble() * 2 * Math.PI;
      this.prevBeat = -rnd.nextDouble() * 60_000.0 / (athlete.restingHr() + 8);
      this.nextBeat = prevBeat + 60_000.0 / (athlete.restingHr() + 8);
    }

    @Override
    long firstOffset() {
      return offset;
    }

    @Override
    long fire(long due, List<SimMessage> out) {
      long elapsed = due - startMs;
      body.advanceTo(elapsed);
      double hr = body.heartRate();
      double e = body.intensity();
      List<Integer> rr = new ArrayList<>(4);
      while (nextBeat <= elapsed) {
        rr.add(HeartRateMeasurementEncoder.rrToUnits(nextBeat - prevBeat));
        prevBeat = nextBeat;
        nextBeat = prevBeat + drawInterval(hr, e);
      }
      SensorContact contact = SensorContact.NOT_SUPPORTED;
      if (contactSupported) {
        contact = SensorContact.CONTACT;
        if (noContactLeft > 0) {
          noContactLeft--;
          contact = SensorContact.NO_CONTACT;
        } else if (rnd.nextDouble() < 0.004) {
          // The strap slips or dries out for a few seconds: no skin contact, no beats detected.
          noContactLeft = 1 + rnd.nextInt(6);
          contact = SensorContact.NO_CONTACT;
        }
        if (contact == SensorContact.NO_CONTACT) {
          rr.clear();
        }
      }
      Integer energy = energySupported && count % 10 == 0 ? (int) Math.min(0xFFFF, body.energyKj()) : null;
      int room = (MAX_NOTIFICATION_BYTES - 1 - (wide ? 2 : 1) - (energy != null ? 2 : 0)) / 2;
      List<Integer> sent = rr.size() > room ? rr.subList(rr.size() - room, rr.size()) : rr;
      int[] units = sent.stream().mapToInt(Integer::intValue).toArray();
      int bpm = (int) Math.round(hr);
      byte[] value = HeartRateMeasurementEncoder.encode(new HeartRateMeasurement(bpm, wide, contact, energy, units));
      count++;

      List<Measurement> readings = new ArrayList<>(3 + units.length);
      readings.add(new Measurement(ReadingType.HEART_RATE, bpm));
      readings.add(new Measurement(ReadingType.SENSOR_CONTACT, contact.readingValue()));
      if (energy != null) {
        readings.add(new Measurement(ReadingType.ENERGY_EXPENDED, energy));
      }
      for (int u : units) {
        readings.add(new Measurement(ReadingType.RR_INTERVAL, u * 1000.0 / 1024.0));
      }
      tally.record(readings);
      tally.minHr = Math.min(tally.minHr, bpm);
      tally.maxHr = Math.max(tally.maxHr, bpm);
      tally.rr += units.length;

      Long ts = json && spec.withTs() ? due : null;
      byte[] payload = value;
      if (json) {
        String body = "{\"hex\":\"" + HEX.formatHex(value) + "\"" + (ts != null ? ",\"ts\":" + ts : "") + "}";
        payload = body.getBytes(StandardCharsets.US_ASCII);
      }
      out.add(emit(topic, payload, spec.qos(), false, SimMessage.HEART_RATE, athlete.strapId()));
      expect(topic, athlete.strapId(), ts, readings);
      return startMs + offset + count * spec.strapPeriodMs();
    }

    private double drawInterval(double hr, double e) {
      double base = 60_000.0 / hr;
      double rsa = 0.06 * (1 - e) * (1 - e) + 0.004;
      double breathsPerMinute = 12 + 18 * e;
      double rr = base * (1 + rsa * StrictMath.sin(respPhase)) * (1 + 0.008 * rnd.nextGaussian());
      respPhase += 2 * Math.PI * rr / (60_000.0 / breathsPerMinute);
      return rr;
    }
  }

  /**
   * A fitness machine under one athlete: FTMS data once per period, following the athlete's
   * effort. Power comes from a personal functional threshold power; bike speed from the power
   * against air drag, rower pace from the Concept2 power-pace relation, treadmill energy from the
   * ACSM running and walking equations. Totals (distance, energy, strokes, elevation) only grow
   * during a class; each new class starts a new session on the machine.
   */
  private final class MachineSource extends Source {
    private final SimAthlete athlete;
    private final Physiology body;
    private final Random rnd;
    private final MachineKind kind;
    private final double ftp;
    private final long offset;
    private final String topic;
    private final DeviceTally tally;
    private long classIndex = -1;
    private long sessionStart;
    private long lastElapsed;
    private double distance;
    private double kcal;
    private double strokes;
    private double elevation;
    private double sumSpeed;
    private double sumPower;
    private long samples;
    private long count;

    MachineSource(SimAthlete athlete, Physiology body, Random rnd, double fitness, int order) {
      super(order);
      this.athlete = athlete;
      this.body = body;
      this.rnd = rnd;
      this.kind = athlete.machine();
      double wattsPerKg = 1.8 + 2.2 * fitness;
      this.ftp = wattsPerKg * athlete.weightKg() * ("F".equals(athlete.gender()) ? 0.9 : 1.0);
      this.offset = (long) (rnd.nextDouble() * spec.machinePeriodMs());
      this.topic = spec.topicRoot() + "/ble/" + athlete.bridgeId() + "/" + athlete.machineId() + "/"
          + kind.characteristic().topicLevel();
      this.tally = devices.get(athlete.machineId());
    }

    @Override
    long firstOffset() {
      return offset;
    }

    @Override
    long fire(long due, List<SimMessage> out) {
      long elapsed = due - startMs;
      body.advanceTo(elapsed);
      long ci = spec.classPlan().classIndexAt(elapsed);
      if (ci != classIndex) {
        classIndex = ci;
        sessionStart = ci * spec.classPlan().lengthMs();
        lastElapsed = Math.max(sessionStart, elapsed - spec.machinePeriodMs());
        distance = 0;
        kcal = 0;
        strokes = 0;
        elevation = 0;
        sumSpeed = 0;
        sumPower = 0;
        samples = 0;
      }
      double dt = (elapsed - lastElapsed) / 1000.0;
      lastElapsed = elapsed;
      double e = body.intensity();
      double noise = 1 + 0.03 * rnd.nextGaussian();
      int elapsedS = (int) Math.min(0xFFFF, (elapsed - sessionStart) / 1000);
      List<Measurement> readings = new ArrayList<>(12);
      byte[] value = switch (kind) {
        case BIKE -> bike(e, noise, dt, elapsedS, readings);
        case TREADMILL -> treadmill(e, noise, dt, elapsedS, readings);
        case ROWER -> rower(e, noise, dt, elapsedS, readings);
      };
      count++;
      tally.record(readings);
      out.add(emit(topic, value, spec.qos(), false, kind.messageKind(), athlete.machineId()));
      expect(topic, athlete.machineId(), null, readings);
      return startMs + offset + count * spec.machinePeriodMs();
    }

    private byte[] bike(double e, double noise, double dt, int elapsedS, List<Measurement> r) {
      int power = (int) Math.round(Math.max(0, ftp * (0.35 + 0.85 * e) * noise));
      double cadence = quantize(Physiology.clamp(68 + 28 * e + 2 * rnd.nextGaussian(), 40, 130), 2);
      // Flat road, air drag only: P = 0.5 x rho x CdA x v^3 with rho x CdA about 0.48.
      double speed = quantize(3.6 * StrictMath.cbrt(power / 0.24), 100);
      distance += speed / 3.6 * dt;
      int resistance = 4 + (int) Math.round(12 * e);
      samples++;
      sumPower += power;
      int avgPower = (int) Math.round(sumPower / samples);
      // A rider's metabolic kcal roughly equal the mechanical kJ (about 24 % efficiency).
      int kcalPerHour = (int) Math.round(3.6 * power + 80);
      kcal += kcalPerHour * dt / 3600;
      int kcalPerMinute = (int) Math.round(kcalPerHour / 60.0);
      int dist = (int) distance;
      int total = (int) kcal;
      r.add(new Measurement(ReadingType.SPEED, speed));
      r.add(new Measurement(ReadingType.CADENCE, cadence));
      r.add(new Measurement(ReadingType.DISTANCE, dist));
      r.add(new Measurement(ReadingType.RESISTANCE, resistance));
      r.add(new Measurement(ReadingType.POWER, power));
      r.add(new Measurement(ReadingType.AVERAGE_POWER, avgPower));
      r.add(new Measurement(ReadingType.CALORIES, total));
      r.add(new Measurement(ReadingType.ENERGY_PER_HOUR, kcalPerHour));
      r.add(new Measurement(ReadingType.ENERGY_PER_MINUTE, kcalPerMinute));
      r.add(new Measurement(ReadingType.ELAPSED_TIME, elapsedS));
      return IndoorBikeDataEncoder.encode(new IndoorBikeData(speed, null, cadence, null, dist, resistance, power,
          avgPower, total, kcalPerHour, kcalPerMinute, null, null, elapsedS, null));
    }

    private byte[] treadmill(double e, double noise, double dt, int elapsedS, List<Measurement> r) {
      boolean running = e >= 0.3;
      double raw = running ? 5.5 + 9.5 * (e - 0.3) / 0.7 : 4 + 5 * e;
      double speed = quantize(raw * (1 + (noise - 1) * 0.5), 100);
      double incline = quantize(1 + 4 * Math.max(0, e - 0.5), 10);
      double metresPerMinute = speed * 1000 / 60;
      distance += metresPerMinute / 60 * dt;
      elevation += metresPerMinute / 60 * dt * incline / 100;
      samples++;
      sumSpeed += speed;
      double avgSpeed = quantize(sumSpeed / samples, 100);
      double grade = incline / 100;
      double vo2 = running
          ? 0.2 * metresPerMinute + 0.9 * metresPerMinute * grade + 3.5
          : 0.1 * metresPerMinute + 1.8 * metresPerMinute * grade + 3.5;
      double kcalPerMin = vo2 * athlete.weightKg() / 1000 * 5;
      kcal += kcalPerMin * dt / 60;
      int kcalPerHour = (int) Math.round(kcalPerMin * 60);
      int kcalPerMinute = (int) Math.round(kcalPerMin);
      double met = quantize(vo2 / 3.5, 10);
      int dist = (int) distance;
      int total = (int) kcal;
      double gain = quantize(elevation, 10);
      r.add(new Measurement(ReadingType.SPEED, speed));
      r.add(new Measurement(ReadingType.AVERAGE_SPEED, avgSpeed));
      r.add(new Measurement(ReadingType.DISTANCE, dist));
      r.add(new Measurement(ReadingType.INCLINATION, incline));
      r.add(new Measurement(ReadingType.ELEVATION_GAIN, gain));
      r.add(new Measurement(ReadingType.NEGATIVE_ELEVATION_GAIN, 0));
      r.add(new Measurement(ReadingType.CALORIES, total));
      r.add(new Measurement(ReadingType.ENERGY_PER_HOUR, kcalPerHour));
      r.add(new Measurement(ReadingType.ENERGY_PER_MINUTE, kcalPerMinute));
      r.add(new Measurement(ReadingType.METABOLIC_EQUIVALENT, met));
      r.add(new Measurement(ReadingType.ELAPSED_TIME, elapsedS));
      return TreadmillDataEncoder.encode(new TreadmillData(speed, avgSpeed, dist, incline, null, gain, 0.0, null,
          null, total, kcalPerHour, kcalPerMinute, null, met, elapsedS, null, null, null));
    }

    private byte[] rower(double e, double noise, double dt, int elapsedS, List<Measurement> r) {
      double strokeRate = quantize(Physiology.clamp(18 + 14 * e + rnd.nextGaussian(), 14, 40), 2);
      int power = (int) Math.round(Math.max(20, 0.85 * ftp * (0.35 + 0.85 * e) * noise));
      // Concept2: watts = 2.80 / (pace per metre)^3, pace here in seconds per 500 m.
      int pace = (int) Math.round(500 * StrictMath.cbrt(2.80 / power));
      distance += 500.0 / pace * dt;
      strokes += strokeRate / 60 * dt;
      samples++;
      sumPower += power;
      int avgPower = (int) Math.round(sumPower / samples);
      int kcalPerHour = 4 * power + 300;
      kcal += kcalPerHour * dt / 3600;
      int kcalPerMinute = (int) Math.round(kcalPerHour / 60.0);
      int dist = (int) distance;
      int total = (int) kcal;
      int strokeCount = (int) strokes;
      r.add(new Measurement(ReadingType.CADENCE, strokeRate));
      r.add(new Measurement(ReadingType.STROKE_COUNT, strokeCount));
      r.add(new Measurement(ReadingType.DISTANCE, dist));
      r.add(new Measurement(ReadingType.PACE, pace));
      r.add(new Measurement(ReadingType.POWER, power));
      r.add(new Measurement(ReadingType.AVERAGE_POWER, avgPower));
      r.add(new Measurement(ReadingType.CALORIES, total));
      r.add(new Measurement(ReadingType.ENERGY_PER_HOUR, kcalPerHour));
      r.add(new Measurement(ReadingType.ENERGY_PER_MINUTE, kcalPerMinute));
      r.add(new Measurement(ReadingType.ELAPSED_TIME, elapsedS));
      return RowerDataEncoder.encode(new RowerData(strokeRate, strokeCount, null, dist, pace, null, power, avgPower,
          null, total, kcalPerHour, kcalPerMinute, null, null, elapsedS, null));
    }
  }

  /**
   * One person in front of a camera: exercise sets made by {@link PoseSequenceSynthesizer}, with
   * rests in between during which the person is out of the picture. Each person has a cell of the
   * frame; landmarks are scaled uniformly into it, so angles stay those of the synthesised body.
   */
  private final class TrackState {
    final String cameraId;
    final String track;
    final Integer athlete;
    final Physiology body;
    final Random rnd;
    final int cell;
    final List<SetTruth> sets = new ArrayList<>();
    PoseSequence current;
    long setStartFrame;
    long setStartMs;
    long restUntilFrame;
    long frames;
    long eyeMessages;

    TrackState(String cameraId, String track, Integer athlete, Physiology body, Random rnd, int cell) {
      this.cameraId = cameraId;
      this.track = track;
      this.athlete = athlete;
      this.body = body;
      this.rnd = rnd;
      this.cell = cell;
      this.restUntilFrame = Math.round(rnd.nextDouble() * 5 * spec.cameraFps());
    }

    /** The person's landmarks in camera frame {@code frame} (time {@code at}), or null when absent. */
    double[][] landmarksAt(long frame, long at) {
      if (current == null) {
        if (frame < restUntilFrame) {
          return null;
        }
        startSet(frame, at);
      }
      long index = frame - setStartFrame;
      if (index >= current.samples().size()) {
        sets.add(currentTruth(true));
        current = null;
        restUntilFrame = frame + Math.round((12 + 18 * rnd.nextDouble()) * spec.cameraFps());
        return null;
      }
      frames++;
      return current.samples().get((int) index).landmarks();
    }

    boolean present() {
      return current != null;
    }

    private void startSet(long frame, long at) {
      SimExercise[] all = SimExercise.values();
      SimExercise ex = all[rnd.nextInt(all.length)];
      SimFault fault = SimFault.NONE;
      if (rnd.nextDouble() < 0.35) {
        List<SimFault> applicable = new ArrayList<>();
        for (SimFault f : SimFault.values()) {
          if (f != SimFault.NONE && f.appliesTo(ex)) {
            applicable.add(f);
          }
        }
        fault = applicable.get(rnd.nextInt(applicable.size()));
      }
      int reps = 5 + rnd.nextInt(8);
      SequenceSpec s = SequenceSpec.of(ex, reps, rnd.nextLong())
          .withTempo(1.6 + 1.4 * rnd.nextDouble(), 0.3 + 0.5 * rnd.nextDouble())
          .withHoldSeconds(20 + 20 * rnd.nextDouble())
          .withCamera(spec.cameraFps(), FRAME_WIDTH, FRAME_HEIGHT, ex.filmedFromSide() ? 0 : 90, rnd.nextBoolean())
          .withFault(fault);
      current = PoseSequenceSynthesizer.generate(s);
      setStartFrame = frame;
      setStartMs = at;
    }

    SetTruth currentTruth(boolean complete) {
      SequenceSpec s = current.spec();
      boolean plank = s.exercise() == SimExercise.PLANK;
      long endMs = setStartMs + Math.round((current.samples().size() - 1) * 1000.0 / spec.cameraFps());
      return new SetTruth(s.exercise().wireName(), s.fault().name().toLowerCase(Locale.ROOT),
          plank ? 0 : s.reps(), current.fullReps(), current.partialReps(), current.goodHoldSeconds(),
          current.faultSeconds(), setStartMs, endMs, complete);
    }
  }

  /** A camera: one pose frame per period with everyone currently in the picture. */
  private final class CameraSource extends Source {
    private final String cameraId;
    private final List<TrackState> people;
    private final long offset;
    private final String topic;
    private final int cols;
    private final double cellScale;
    private long frame;

    CameraSource(String cameraId, List<TrackState> people, Random rnd, int order) {
      super(order);
      this.cameraId = cameraId;
      this.people = people;
      this.offset = (long) (rnd.nextDouble() * 1000 / spec.cameraFps());
      this.topic = spec.topicRoot() + "/camera/" + cameraId + "/pose";
      int n = Math.max(1, people.size());
      this.cols = (int) Math.ceil(Math.sqrt(n));
      int rows = (n + cols - 1) / cols;
      this.cellScale = 1.0 / Math.max(cols, rows);
    }

    @Override
    long firstOffset() {
      return offset;
    }

    @Override
    long fire(long due, List<SimMessage> out) {
      StringBuilder sb = new StringBuilder(1024 + 1200 * people.size());
      sb.append('{');
      if (spec.withTs()) {
        sb.append("\"ts\":").append(due).append(',');
      }
      sb.append("\"frame\":").append(frame).append(",\"width\":").append(FRAME_WIDTH)
          .append(",\"height\":").append(FRAME_HEIGHT).append(",\"people\":[");
      boolean first = true;
      for (TrackState p : people) {
        double[][] rows = p.landmarksAt(frame, due);
        if (rows == null) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendPerson(sb, p, rows);
      }
      sb.append("]}");
      out.add(emit(topic, sb.toString().getBytes(StandardCharsets.US_ASCII), spec.qos(), false, SimMessage.POSE,
          cameraId));
      frame++;
      return startMs + offset + Math.round(frame * 1000 / spec.cameraFps());
    }

    private void appendPerson(StringBuilder sb, TrackState p, double[][] rows) {
      double x0 = (p.cell % cols) * (1.0 / cols) + (1.0 / cols - cellScale) / 2;
      double y0 = (p.cell / cols) * cellScale;
      sb.append("{\"track\":\"").append(p.track).append("\",\"format\":\"mediapipe33\",\"landmarks\":[");
      for (int j = 0; j < rows.length; j++) {
        if (j > 0) {
          sb.append(',');
        }
        double[] row = rows[j];
        sb.append('[');
        SimJson.fixed(sb, x0 + row[0] * cellScale, 4).append(',');
        SimJson.fixed(sb, y0 + row[1] * cellScale, 4).append(',');
        SimJson.fixed(sb, row[2] * cellScale, 4).append(',');
        SimJson.fixed(sb, row[3], 3).append(']');
      }
      sb.append("]}");
    }
  }

  /**
   * A camera's eye tracker: per period, one message per person in the picture. Pupils widen,
   * blinks quicken and gaze steadies less as effort rises.
   */
  private final class EyeSource extends Source {
    private final String cameraId;
    private final List<TrackState> people;
    private final Random rnd;
    private final long offset;
    private final String topic;
    private long count;

    EyeSource(String cameraId, List<TrackState> people, Random rnd, int order) {
      super(order);
      this.cameraId = cameraId;
      this.people = people;
      this.rnd = rnd;
      this.offset = (long) (rnd.nextDouble() * spec.eyePeriodMs());
      this.topic = spec.topicRoot() + "/camera/" + cameraId + "/eyes";
    }

    @Override
    long firstOffset() {
      return offset;
    }

    @Override
    long fire(long due, List<SimMessage> out) {
      for (TrackState p : people) {
        if (!p.present()) {
          continue;
        }
        double e = 0.5;
        if (p.body != null) {
          p.body.advanceTo(due - startMs);
          e = p.body.intensity();
        }
        StringBuilder sb = new StringBuilder(160).append('{');
        if (spec.withTs()) {
          sb.append("\"ts\":").append(due).append(',');
        }
        sb.append("\"track\":\"").append(p.track).append("\",\"pupil_size\":");
        SimJson.fixed(sb, Physiology.clamp(3.4 + 2.6 * e + 0.2 * rnd.nextGaussian(), 2, 8), 2);
        sb.append(",\"pupil_dilation_rate\":");
        SimJson.fixed(sb, Physiology.clamp(0.05 + 0.2 * e + 0.03 * rnd.nextGaussian(), 0, 1), 3);
        sb.append(",\"blink_rate\":");
        SimJson.fixed(sb, Physiology.clamp(12 + 10 * e + 2 * rnd.nextGaussian(), 4, 40), 1);
        sb.append(",\"eye_gaze_stability\":");
        SimJson.fixed(sb, Physiology.clamp(86 - 25 * e + 3 * rnd.nextGaussian(), 20, 100), 1);
        sb.append('}');
        p.eyeMessages++;
        out.add(emit(topic, sb.toString().getBytes(StandardCharsets.US_ASCII), spec.qos(), false, SimMessage.EYES,
            cameraId));
      }
      count++;
      return startMs + offset + count * spec.eyePeriodMs();
    }
  }
}
