package com.clisonix.edge.sensor.sim;

import com.clisonix.edge.sensor.bridge.DeviceIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the floor simulator plays: who is on the floor, on which machines, in front of which
 * cameras, through which bridges, under which class plan and with which wire options. Immutable;
 * start from {@link #builder()}, whose defaults describe the demo floor.
 *
 * @param seed               seed of every random choice: the same spec replays the same class
 * @param athletes           athletes on the floor, each wearing a strap
 * @param bikeShare          share of athletes on an indoor bike (0x2AD2)
 * @param treadmillShare     share on a treadmill (0x2ACD)
 * @param rowerShare         share on a rower (0x2AD1); the rest train on the floor, some in view
 *                           of a camera
 * @param bridgeIds          BLE bridges; athletes are spread over them, a strap and its athlete's
 *                           machine on the same bridge
 * @param cameraIds          cameras; each watches up to {@code peoplePerCamera} floor athletes
 * @param peoplePerCamera    people each camera tracks (the pose decoder accepts at most 16)
 * @param cameraFps          camera frame rate
 * @param eyeMetrics         whether cameras also publish eye metrics for their tracks
 * @param topicRoot          the gym's topic root
 * @param strapPeriodMs      time between two heart-rate notifications of a strap
 * @param machinePeriodMs    time between two FTMS notifications of a machine
 * @param eyePeriodMs        time between two eye-metric messages of a track
 * @param classPlan          the class the athletes follow (repeats when it ends)
 * @param withTs             whether JSON payloads (hex envelopes, pose frames, eye metrics)
 *                           carry {@code ts}; the contract makes it optional
 * @param jsonEnvelopeShare  share of straps whose bridge publishes the {@code /json} hex envelope
 *                           instead of raw bytes
 * @param qos                QoS of the data messages, 0 or 1 (bridge status is always QoS 1)
 * @param startMs            epoch time of the class start, or {@code null} to start at the first
 *                           {@link FloorSimulator#next} call
 * @param recordExpectations whether {@link SimulationTruth#expectations()} keeps the readings of
 *                           every BLE message (for tests; grows with every message)
 */
public record SimulationSpec(
    long seed,
    int athletes,
    double bikeShare,
    double treadmillShare,
    double rowerShare,
    List<String> bridgeIds,
    List<String> cameraIds,
    int peoplePerCamera,
    double cameraFps,
    boolean eyeMetrics,
    String topicRoot,
    long strapPeriodMs,
    long machinePeriodMs,
    long eyePeriodMs,
    ClassPlan classPlan,
    boolean withTs,
    double jsonEnvelopeShare,
    int qos,
    Long startMs,
    boolean recordExpectations) {

  /** Most people the pose decoder accepts in one frame. */
  public static final int MAX_PEOPLE_PER_CAMERA = 16;

  public SimulationSpec {
    bridgeIds = List.copyOf(bridgeIds);
    cameraIds = List.copyOf(cameraIds);
    Objects.requireNonNull(topicRoot, "topicRoot");
    Objects.requireNonNull(classPlan, "classPlan");
    if (athletes < 0 || athletes > 100_000) {
      throw new IllegalArgumentException("athletes must be within 0-100000");
    }
    for (double share : new double[] {bikeShare, treadmillShare, rowerShare, jsonEnvelopeShare}) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("shares must be within 0-1");
      }
    }
    if (bikeShare + treadmillShare + rowerShare > 1 + 1e-9) {
      throw new IllegalArgumentException("bike, treadmill and rower shares add up to more than 1");
    }
    if (bridgeIds.isEmpty()) {
      throw new IllegalArgumentException("at least one bridge is needed");
    }
    for (String id : bridgeIds) {
      requirePlainId("bridge id", id);
    }
    for (String id : cameraIds) {
      requirePlainId("camera id", id);
    }
    if (bridgeIds.stream().distinct().count() != bridgeIds.size()
        || cameraIds.stream().distinct().count() != cameraIds.size()) {
      throw new IllegalArgumentException("bridge and camera ids must be unique");
    }
    if (peoplePerCamera < 0 || peoplePerCamera > MAX_PEOPLE_PER_CAMERA) {
      throw new IllegalArgumentException("peoplePerCamera must be within 0-" + MAX_PEOPLE_PER_CAMERA);
    }
    if (!(cameraFps >= 1 && cameraFps <= 60)) {
      throw new IllegalArgumentException("cameraFps must be within 1-60");
    }
    if (topicRoot.isEmpty() || topicRoot.contains("#") || topicRoot.contains("+") || topicRoot.endsWith("/")) {
      throw new IllegalArgumentException("topicRoot must be a topic without wildcards or trailing slash");
    }
    if (strapPeriodMs < 100 || machinePeriodMs < 100 || eyePeriodMs < 100) {
      throw new IllegalArgumentException("periods must be at least 100 ms");
    }
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("qos must be 0 or 1");
    }
  }

  private static void requirePlainId(String what, String id) {
    // The id is a topic level and, with the gym's ACL, an account name: no separators, no wildcards.
    if (!DeviceIds.isPlainId(id)) {
      throw new IllegalArgumentException(what + " must be 1-64 characters of [A-Za-z0-9_-]: " + id);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.athletes = athletes;
    b.bikeShare = bikeShare;
    b.treadmillShare = treadmillShare;
    b.rowerShare = rowerShare;
    b.bridgeIds = bridgeIds;
    b.cameraIds = cameraIds;
    b.peoplePerCamera = peoplePerCamera;
    b.cameraFps = cameraFps;
    b.eyeMetrics = eyeMetrics;
    b.topicRoot = topicRoot;
    b.strapPeriodMs = strapPeriodMs;
    b.machinePeriodMs = machinePeriodMs;
    b.eyePeriodMs = eyePeriodMs;
    b.classPlan = classPlan;
    b.withTs = withTs;
    b.jsonEnvelopeShare = jsonEnvelopeShare;
    b.qos = qos;
    b.startMs = startMs;
    b.recordExpectations = recordExpectations;
    return b;
  }

  /** Builds a {@link SimulationSpec}; every setter has the demo floor's default. */
  public static final class Builder {
    private long seed = 1;
    private int athletes = 24;
    private double bikeShare = 0.25;
    private double treadmillShare = 0.2;
    private double rowerShare = 0.15;
    private List<String> bridgeIds = List.of("bridge-1", "bridge-2");
    private List<String> cameraIds = List.of("camera-1");
    private int peoplePerCamera = 4;
    private double cameraFps = 15;
    private boolean eyeMetrics = true;
    private String topicRoot = "gym/demo";
    private long strapPeriodMs = 1000;
    private long machinePeriodMs = 1000;
    private long eyePeriodMs = 1000;
    private ClassPlan classPlan = ClassPlan.standard(Duration.ofMinutes(45));
    private boolean withTs = true;
    private double jsonEnvelopeShare = 0.25;
    private int qos = 1;
    private Long startMs;
    private boolean recordExpectations;

    private Builder() {
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder athletes(int v) {
      athletes = v;
      return this;
    }

    /** Shares of athletes on bikes, treadmills and rowers; the rest train on the floor. */
    public Builder machineShares(double bikes, double treadmills, double rowers) {
      bikeShare = bikes;
      treadmillShare = treadmills;
      rowerShare = rowers;
      return this;
    }

    public Builder bridgeIds(List<String> v) {
      bridgeIds = List.copyOf(v);
      return this;
    }

    /** {@code n} bridges named {@code bridge-1} ... {@code bridge-n}. */
    public Builder bridges(int n) {
      bridgeIds = numbered("bridge-", n);
      return this;
    }

    public Builder cameraIds(List<String> v) {
      cameraIds = List.copyOf(v);
      return this;
    }

    /** {@code n} cameras named {@code camera-1} ... {@code camera-n}. */
    public Builder cameras(int n) {
      cameraIds = numbered("camera-", n);
      return this;
    }

    public Builder peoplePerCamera(int v) {
      peoplePerCamera = v;
      return this;
    }

    public Builder cameraFps(double v) {
      cameraFps = v;
      return this;
    }

    public Builder eyeMetrics(boolean v) {
      eyeMetrics = v;
      return this;
    }

    public Builder topicRoot(String v) {
      topicRoot = v;
      return this;
    }

    public Builder strapPeriodMs(long v) {
      strapPeriodMs = v;
      return this;
    }

    public Builder machinePeriodMs(long v) {
      machinePeriodMs = v;
      return this;
    }

    public Builder eyePeriodMs(long v) {
      eyePeriodMs = v;
      return this;
    }

    public Builder classPlan(ClassPlan v) {
      classPlan = Objects.requireNonNull(v, "classPlan");
      return this;
    }

    /** The standard class plan scaled to {@code length}. */
    public Builder classLength(Duration length) {
      classPlan = ClassPlan.standard(length);
      return this;
    }

    public Builder withTs(boolean v) {
      withTs = v;
      return this;
    }

    public Builder jsonEnvelopeShare(double v) {
      jsonEnvelopeShare = v;
      return this;
    }

    public Builder qos(int v) {
      qos = v;
      return this;
    }

    public Builder startMs(Long v) {
      startMs = v;
      return this;
    }

    public Builder recordExpectations(boolean v) {
      recordExpectations = v;
      return this;
    }

    public SimulationSpec build() {
      return new SimulationSpec(seed, athletes, bikeShare, treadmillShare, rowerShare, bridgeIds, cameraIds,
          peoplePerCamera, cameraFps, eyeMetrics, topicRoot, strapPeriodMs, machinePeriodMs, eyePeriodMs, classPlan,
          withTs, jsonEnvelopeShare, qos, startMs, recordExpectations);
    }

    private static List<String> numbered(String prefix, int n) {
      if (n < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      List<String> ids = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        ids.add(prefix + i);
      }
      return ids;
    }
  }
}
