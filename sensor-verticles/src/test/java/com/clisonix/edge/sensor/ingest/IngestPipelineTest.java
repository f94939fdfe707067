package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One message in, one outcome out: attribution, time, once-only keys, rules. Vectors from ble-gatt.md. */
class IngestPipelineTest {
  static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final long NOW = 1_800_000_000_000L;
  final List<String> counted = new ArrayList<>();

  /** A pairing registry of fixed facts (an interface of our own, filled in by the test). */
  record FixedPairing(Map<String, UUID> devices, Map<String, UUID> tracks, Set<UUID> consent) implements PairingView {
    public UUID owner(String deviceId) {
      return devices.get(deviceId);
    }

    public UUID trackOwner(String cameraId, String track) {
      return tracks.get(cameraId + "/" + track);
    }

    public String trackExercise(String cameraId, String track) {
      return null;
    }

    public boolean cameraConsent(UUID userId) {
      return consent.contains(userId);
    }
  }

  IngestPipeline pipeline(Set<UUID> consent) {
    IngestMetrics metrics = new IngestMetrics() {
      public void received(String route) {}

      public void rejected(String source, String reason) {}

      public void dropped(String field, String reason) {
        counted.add("dropped:" + field + ":" + reason);
      }

      public void implausible(String type) {
        counted.add("implausible:" + type);
      }

      public void unpaired(String kind) {
        counted.add("unpaired:" + kind);
      }

      public void consentDiscarded() {
        counted.add("consent");
      }

      public void duplicate() {}
    };
    return new IngestPipeline(new TopicRouter("gym/demo", List.of("home/+/BTtoMQTT/+")),
        new FixedPairing(Map.of("A1B2C3D4E5F6", ANN), Map.of("cam1/3", ANN), consent), metrics);
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void aPairedStrapsPacketBecomesReadingsAtArrivalTimeWithAnInFlightKey() {
    // ble-gatt.md §1 vector 1 under a MAC written with colons
    IngestOutcome o = pipeline(Set.of()).process("gym/demo/ble/b1/a1:b2:c3:d4:e5:f6/2a37", hex("16 48 54 01 EC 02"), 1,
        false, 42, NOW);
    IngestOutcome.Accepted a = (IngestOutcome.Accepted) o;
    List<Reading> r = a.entry().readings();
    assertThat(r).extracting(Reading::type).containsExactly(ReadingType.HEART_RATE, ReadingType.SENSOR_CONTACT,
        ReadingType.RR_INTERVAL, ReadingType.RR_INTERVAL);
    assertThat(r).allSatisfy(x -> {
      assertThat(x.userId()).isEqualTo(ANN);
      assertThat(x.measuredAt()).isEqualTo(NOW);
      assertThat(x.deviceId()).isEqualTo("A1B2C3D4E5F6");
      assertThat(x.deviceType()).isEqualTo("chest_strap");
    });
    assertThat(r.get(0).rawJson()).contains("\"payload\":\"16485401ec02\"").contains("rr_raw_1024\":[340,748]");
    assertThat(r.get(1).rawJson()).isNull();
    assertThat(a.entry().key()).isEqualTo(MessageKey.inFlight(42, "gym/demo/ble/b1/a1:b2:c3:d4:e5:f6/2a37",
        hex("16 48 54 01 EC 02")));
    assertThat(a.entry().packetId()).isEqualTo(42);
  }

  @Test
  void aTimestampedEnvelopeIsAnalysedAtItsTsAndNamedByItsContent() {
    long ts = NOW - 3_600_000;
    byte[] payload = ("{\"hex\":\"0096\",\"ts\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
    IngestOutcome.Accepted a = (IngestOutcome.Accepted) pipeline(Set.of()).process(
        "gym/demo/ble/b1/A1B2C3D4E5F6/2a37/json", payload, 1, false, 9, NOW);
    assertThat(a.entry().readings().get(0).measuredAt()).isEqualTo(ts);
    assertThat(a.entry().readings().get(0).value()).isEqualTo(150.0);
    assertThat(a.entry().key()).isEqualTo(MessageKey.timestamped("A1B2C3D4E5F6", "2a37", payload, ts));
  }

  @Test
  void timestampsOutsideTheWindowAreRefused() {
    for (long ts : new long[] {NOW - 25 * 3_600_000L, NOW + 6 * 60_000L}) {
      byte[] payload = ("{\"hex\":\"0096\",\"ts\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
      IngestOutcome o = pipeline(Set.of()).process("gym/demo/ble/b1/A1B2C3D4E5F6/2a37/json", payload, 1, false, 1, NOW);
      assertThat(o).isInstanceOf(IngestOutcome.Rejected.class);
      assertThat(((IngestOutcome.Rejected) o).reason()).startsWith("ts_");
    }
  }

  @Test
  void refusalsNameTheSourceAndReason() {
    IngestPipeline p = pipeline(Set.of());
    assertThat(p.process("gym/demo/ble/b1/A1B2C3D4E5F6/2a37", hex("17 01 01"), 1, false, 1, NOW))
        .isEqualTo(new IngestOutcome.Rejected("b1", "flags_mismatch", "RR intervals announced but only 0 byte(s) remain"));
    assertThat(((IngestOutcome.Rejected) p.process("gym/demo/ble/b1/not:a:mac!/2a37", hex("00 50"), 1, false, 1, NOW))
        .reason()).isEqualTo("bad_device_id");
    assertThat(((IngestOutcome.Rejected) p.process("gym/demo/ble/b1/A1B2C3D4E5F6/ffff", hex("00 50"), 1, false, 1, NOW))
        .reason()).isEqualTo("unknown_characteristic");
  }

  @Test
  void anUnpairedDeviceIsSightedButStoresNothing() {
    IngestOutcome.Accepted a = (IngestOutcome.Accepted) pipeline(Set.of()).process(
        "gym/demo/ble/b1/FFEEDDCCBBAA/2ad2", hex("44 00 18 01 14 00 06 00"), 1, false, 3, NOW);
    assertThat(a.entry().readings()).isEmpty();
    assertThat(a.unassigned()).isEqualTo("FFEEDDCCBBAA");
    assertThat(a.unassignedKind()).isEqualTo("machine");
    assertThat(a.entry().sighting().lastValueJson()).contains("\"power\":6");
    assertThat(counted).contains("unpaired:machine");
  }

  @Test
  void aMachinesZeroHeartRateIsDroppedAloneAndTheRestKept() {
    // ble-gatt.md §2.1 vector I2 with its heart-rate byte set to 0 (a machine's "none")
    IngestOutcome.Accepted a = (IngestOutcome.Accepted) pipeline(Set.of()).process(
        "gym/demo/ble/b1/A1B2C3D4E5F6/2ad2", hex("44 02 AA 05 2E 00 18 00 00"), 1, false, 3, NOW);
    assertThat(a.entry().readings()).extracting(Reading::type).contains(ReadingType.SPEED, ReadingType.CADENCE,
        ReadingType.POWER).doesNotContain(ReadingType.HEART_RATE);
    assertThat(counted).anyMatch(c -> c.startsWith("dropped:heart_rate"));
  }

  @Test
  void eyeMetricsNeedConsentAndPairedTracks() {
    byte[] eyes = "{\"track\":\"3\",\"pupil_size\":5.2,\"blink_rate\":18}".getBytes(StandardCharsets.UTF_8);
    IngestOutcome.Accepted without = (IngestOutcome.Accepted) pipeline(Set.of()).process("gym/demo/camera/cam1/eyes", eyes,
        1, false, 5, NOW);
    assertThat(without.entry().readings()).isEmpty();
    assertThat(counted).contains("consent");
    IngestOutcome.Accepted with = (IngestOutcome.Accepted) pipeline(Set.of(ANN)).process("gym/demo/camera/cam1/eyes", eyes,
        1, false, 5, NOW);
    assertThat(with.entry().readings()).extracting(Reading::type).contains(ReadingType.PUPIL_SIZE, ReadingType.BLINK_RATE);
    assertThat(with.entry().readings().get(0).deviceType()).isEqualTo("camera");
  }

  @Test
  void bridgeStatus() {
    assertThat(pipeline(Set.of()).process("gym/demo/ble/b1/status", "offline".getBytes(), 1, false, 1, NOW))
        .isEqualTo(new IngestOutcome.BridgeStatus("b1", false));
    assertThat(pipeline(Set.of()).process("home/OMG/LWT", "online".getBytes(), 1, false, 1, NOW))
        .isEqualTo(new IngestOutcome.BridgeStatus("OMG", true));
  }
}
