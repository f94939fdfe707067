package com.clisonix.edge.sensor.ingest;

import com.clisonix.edge.sensor.bridge.DeviceId;
import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.bridge.HexEnvelope;
import com.clisonix.edge.sensor.bridge.HexEnvelopeDecoder;
import com.clisonix.edge.sensor.bridge.TheengsDecoder;
import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.PlausibilityRules;
import com.clisonix.edge.sensor.eyes.EyeMetrics;
import com.clisonix.edge.sensor.eyes.EyeMetricsDecoder;
import com.clisonix.edge.sensor.gatt.CscCalculator;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import com.clisonix.edge.sensor.pose.PosePerson;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.sensor.reading.TimestampPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Turns one MQTT message into an {@link IngestOutcome}: routes by topic, decodes with the pure
 * decoders, applies the contract's usability rules and time window, resolves the athlete through
 * the pairing view, and names the message for the once-only rule. Pure apart from the per-device
 * CSC state it owns; one pipeline belongs to one verticle.
 */
public final class IngestPipeline {
  private final TopicRouter router;
  private final PairingView pairing;
  private final IngestMetrics metrics;
  private final PoseFrameDecoder poseDecoder = new PoseFrameDecoder();
  private final Map<String, CscCalculator> csc = new HashMap<>();

  public IngestPipeline(TopicRouter router, PairingView pairing, IngestMetrics metrics) {
    this.router = router;
    this.pairing = pairing;
    this.metrics = metrics;
  }

  public TopicRouter router() {
    return router;
  }

  /**
   * @param packetId the MQTT packet id (QoS 1), or 0 for QoS 0
   * @param now arrival time, epoch milliseconds
   */
  public IngestOutcome process(String topic, byte[] payload, int qos, boolean dup, int packetId, long now) {
    Route route = router.route(topic);
    if (route instanceof Route.Gatt g) {
      return gatt(g, topic, payload, qos, dup, packetId, now);
    } else if (route instanceof Route.Theengs t) {
      return theengs(t, topic, payload, qos, dup, packetId, now);
    } else if (route instanceof Route.BridgeStatus s) {
      return status(s.bridgeId(), payload);
    } else if (route instanceof Route.TheengsStatus s) {
      return status(s.gatewayId(), payload);
    } else if (route instanceof Route.Pose p) {
      return pose(p, payload, now);
    } else if (route instanceof Route.Eyes e) {
      return eyes(e, topic, payload, qos, dup, packetId, now);
    }
    return new IngestOutcome.Rejected(route.source(), "unknown_topic", topic);
  }

  private IngestOutcome status(String bridgeId, byte[] payload) {
    String s = new String(payload, StandardCharsets.UTF_8).trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("online")) {
      return new IngestOutcome.BridgeStatus(bridgeId, true);
    }
    if (s.equals("offline")) {
      return new IngestOutcome.BridgeStatus(bridgeId, false);
    }
    return new IngestOutcome.Rejected(bridgeId, "bad_status", "status must be online or offline");
  }

  private IngestOutcome gatt(Route.Gatt g, String topic, byte[] payload, int qos, boolean dup, int packetId, long now) {
    ParseResult<DeviceId> id = DeviceIds.normalise(g.rawDeviceId());
    if (!(id instanceof ParseResult.Parsed<DeviceId> device)) {
      return new IngestOutcome.Rejected(g.bridgeId(), "bad_device_id", g.rawDeviceId());
    }
    GattCharacteristic ch = GattCharacteristic.fromTopicLevel(g.characteristic()).orElse(null);
    if (ch == null) {
      return new IngestOutcome.Rejected(g.bridgeId(), "unknown_characteristic", g.characteristic());
    }
    byte[] value = payload;
    OptionalLong ts = OptionalLong.empty();
    if (g.json()) {
      ParseResult<HexEnvelope> env = HexEnvelopeDecoder.decode(payload);
      if (env instanceof ParseResult.Failed<HexEnvelope> f) {
        return new IngestOutcome.Rejected(g.bridgeId(), f.reason().code(), f.detail());
      }
      HexEnvelope e = ((ParseResult.Parsed<HexEnvelope>) env).value();
      value = e.value();
      ts = e.ts();
    }
    if (ts.isPresent()) {
      TimestampPolicy.Verdict v = TimestampPolicy.check(ts.getAsLong(), now);
      if (v != TimestampPolicy.Verdict.ACCEPTED) {
        return new IngestOutcome.Rejected(g.bridgeId(), v.code(), "ts " + ts.getAsLong());
      }
    }
    long at = ts.orElse(now);
    String deviceId = device.value().value();
    DecodeResult decoded = "2a5b".equals(ch.topicLevel())
        ? csc.computeIfAbsent(deviceId, k -> new CscCalculator()).decode(value, at)
        : ch.decoder().decode(value);
    if (decoded instanceof DecodeResult.Rejected r) {
      return new IngestOutcome.Rejected(g.bridgeId(), r.reason().code(), r.detail());
    }
    PlausibilityRules.Outcome usable = PlausibilityRules.apply((DecodeResult.Decoded) decoded, ch.marksMachine());
    for (Measurement m : usable.implausible()) {
      metrics.implausible(m.type().wireName());
    }
    for (DroppedField d : usable.decoded().dropped()) {
      metrics.dropped(d.field(), d.reason());
    }
    String kind = ch.marksMachine() ? "machine" : "strap";
    String deviceType = deviceType(ch);
    MessageKey key = key(deviceId, g.characteristic(), topic, payload, ts, qos, dup, packetId);
    // raw_data keeps the characteristic's bytes (for a /json envelope: what its hex said)
    return readings(g.bridgeId(), deviceId, kind, deviceType, usable.decoded(), ch, at, now, value, key, dup, packetId);
  }

  private IngestOutcome theengs(Route.Theengs t, String topic, byte[] payload, int qos, boolean dup, int packetId,
      long now) {
    ParseResult<DeviceId> id = DeviceIds.normalise(t.rawDeviceId());
    if (!(id instanceof ParseResult.Parsed<DeviceId> device)) {
      return new IngestOutcome.Rejected(t.gatewayId(), "bad_device_id", t.rawDeviceId());
    }
    DecodeResult decoded = TheengsDecoder.decode(payload);
    if (decoded instanceof DecodeResult.Rejected r) {
      return new IngestOutcome.Rejected(t.gatewayId(), r.reason().code(), r.detail());
    }
    PlausibilityRules.Outcome usable = PlausibilityRules.apply((DecodeResult.Decoded) decoded, false);
    usable.implausible().forEach(m -> metrics.implausible(m.type().wireName()));
    usable.decoded().dropped().forEach(d -> metrics.dropped(d.field(), d.reason()));
    String deviceId = device.value().value();
    // Theengs payloads carry no ts: only a broker redelivery can repeat them
    MessageKey key = key(deviceId, "theengs", topic, payload, OptionalLong.empty(), qos, dup, packetId);
    return readings(t.gatewayId(), deviceId, "strap", "chest_strap", usable.decoded(), null, now, now, payload, key, dup,
        packetId);
  }

  private IngestOutcome readings(String source, String deviceId, String kind, String deviceType,
      DecodeResult.Decoded decoded, GattCharacteristic ch, long at, long now, byte[] payload, MessageKey key, boolean dup,
      int packetId) {
    Integer battery = null;
    Integer rssi = null;
    StringBuilder last = new StringBuilder("{");
    for (Measurement m : decoded.measurements()) {
      if (m.type() == ReadingType.BATTERY) {
        battery = (int) Math.round(m.value());
      } else if (m.type() == ReadingType.RSSI) {
        rssi = (int) Math.round(m.value());
      }
      if (m.type() != ReadingType.RR_INTERVAL) {
        if (last.length() > 1) {
          last.append(',');
        }
        last.append('"').append(m.type().wireName()).append("\":").append(json(m.value()));
      }
    }
    last.append('}');
    DeviceSighting sighting = new DeviceSighting(deviceId, kind, deviceType, source, now, rssi, battery, last.toString());
    UUID owner = pairing.owner(deviceId);
    if (owner == null) {
      metrics.unpaired(kind);
      return new IngestOutcome.Accepted(source, new JournalEntry(key, dup, packetId, List.of(), sighting), deviceId, kind, battery);
    }
    List<Reading> out = new ArrayList<>(decoded.measurements().size());
    String raw = rawJson(payload, decoded);
    for (Measurement m : decoded.measurements()) {
      String unit = ch == null ? m.type().unit() : ch.unitOf(m.type());
      out.add(new Reading(owner, m.type(), m.value(), unit, at, deviceId, deviceType, source, out.isEmpty() ? raw : null));
    }
    return new IngestOutcome.Accepted(source, new JournalEntry(key, dup, packetId, out, sighting), null, null, battery);
  }

  private IngestOutcome pose(Route.Pose p, byte[] payload, long now) {
    ParseResult<PoseFrame> parsed = poseDecoder.decode(payload);
    if (parsed instanceof ParseResult.Failed<PoseFrame> f) {
      return new IngestOutcome.Rejected(p.cameraId(), f.reason().code(), f.detail());
    }
    PoseFrame frame = ((ParseResult.Parsed<PoseFrame>) parsed).value();
    if (frame.ts().isPresent()) {
      TimestampPolicy.Verdict v = TimestampPolicy.check(frame.ts().getAsLong(), now);
      if (v != TimestampPolicy.Verdict.ACCEPTED) {
        return new IngestOutcome.Rejected(p.cameraId(), v.code(), "ts " + frame.ts().getAsLong());
      }
    }
    List<IngestOutcome.TrackedPerson> people = new ArrayList<>();
    List<String> unassigned = new ArrayList<>();
    int discarded = 0;
    for (int i = 0; i < frame.people().size(); i++) {
      PosePerson person = frame.people().get(i);
      UUID owner = pairing.trackOwner(p.cameraId(), person.track());
      if (owner == null) {
        unassigned.add(person.track());
      } else if (!pairing.cameraConsent(owner)) {
        discarded++;
      } else {
        people.add(new IngestOutcome.TrackedPerson(owner, person.track(), pairing.trackExercise(p.cameraId(),
            person.track()), i));
      }
    }
    for (int i = 0; i < discarded; i++) {
      metrics.consentDiscarded();
    }
    return new IngestOutcome.PoseFrames(p.cameraId(), frame, people, unassigned, discarded);
  }

  private IngestOutcome eyes(Route.Eyes e, String topic, byte[] payload, int qos, boolean dup, int packetId, long now) {
    ParseResult<EyeMetrics> parsed = EyeMetricsDecoder.decode(payload);
    if (parsed instanceof ParseResult.Failed<EyeMetrics> f) {
      return new IngestOutcome.Rejected(e.cameraId(), f.reason().code(), f.detail());
    }
    EyeMetrics m = ((ParseResult.Parsed<EyeMetrics>) parsed).value();
    if (m.ts().isPresent()) {
      TimestampPolicy.Verdict v = TimestampPolicy.check(m.ts().getAsLong(), now);
      if (v != TimestampPolicy.Verdict.ACCEPTED) {
        return new IngestOutcome.Rejected(e.cameraId(), v.code(), "ts " + m.ts().getAsLong());
      }
    }
    String trackId = e.cameraId() + ":" + m.track();
    UUID owner = pairing.trackOwner(e.cameraId(), m.track());
    MessageKey key = key(trackId, "eyes", topic, payload, m.ts(), qos, dup, packetId);
    if (owner == null) {
      metrics.unpaired("camera_track");
      return new IngestOutcome.Accepted(e.cameraId(), new JournalEntry(key, dup, packetId, List.of(), null), trackId,
          "camera_track", null);
    }
    if (!pairing.cameraConsent(owner)) {
      metrics.consentDiscarded();
      return new IngestOutcome.Accepted(e.cameraId(), new JournalEntry(key, dup, packetId, List.of(), null), null, null, null);
    }
    long at = m.ts().orElse(now);
    DecodeResult.Decoded d = m.toDecoded();
    List<Reading> out = new ArrayList<>();
    String raw = rawJson(payload, d);
    for (Measurement x : d.measurements()) {
      out.add(new Reading(owner, x.type(), x.value(), x.type().unit(), at, trackId, "camera", e.cameraId(),
          out.isEmpty() ? raw : null));
    }
    return new IngestOutcome.Accepted(e.cameraId(), new JournalEntry(key, dup, packetId, out, null), null, null, null);
  }

  /** A timestamped message is named by its content; one without ts only while it is in flight (QoS 1). */
  private static MessageKey key(String deviceId, String characteristic, String topic, byte[] payload, OptionalLong ts,
      int qos, boolean dup, int packetId) {
    if (ts.isPresent()) {
      return MessageKey.timestamped(deviceId, characteristic, payload, ts.getAsLong());
    }
    return qos > 0 ? MessageKey.inFlight(packetId, topic, payload) : null;
  }

  static String deviceType(GattCharacteristic ch) {
    return switch (ch.topicLevel()) {
      case "2a37" -> "chest_strap";
      case "2ad2", "2a63", "2a5b" -> "bike";
      case "2acd", "2a53" -> "treadmill";
      case "2ad1" -> "rower";
      case "2ace" -> "cross_trainer";
      case "2acf", "2ad0" -> "stepper";
      default -> "other";
    };
  }

  /** The raw payload and what has no reading name, for the first reading's raw_data. */
  private static String rawJson(byte[] payload, DecodeResult.Decoded d) {
    StringBuilder sb = new StringBuilder(64 + payload.length * 2).append("{\"payload\":\"")
        .append(HexFormat.of().formatHex(payload)).append('"');
    for (Map.Entry<String, Object> e : d.rawExtras().entrySet()) {
      sb.append(",\"").append(escape(e.getKey())).append("\":").append(jsonValue(e.getValue()));
    }
    if (!d.dropped().isEmpty()) {
      sb.append(",\"dropped\":[");
      for (int i = 0; i < d.dropped().size(); i++) {
        DroppedField f = d.dropped().get(i);
        sb.append(i == 0 ? "" : ",").append("{\"field\":\"").append(escape(f.field())).append("\",\"reason\":\"")
            .append(escape(f.reason())).append("\"}");
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  private static String jsonValue(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number n) {
      return json(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof int[] arr) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < arr.length; i++) {
        sb.append(i == 0 ? "" : ",").append(arr[i]);
      }
      return sb.append(']').toString();
    }
    if (v instanceof long[] arr) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < arr.length; i++) {
        sb.append(i == 0 ? "" : ",").append(arr[i]);
      }
      return sb.append(']').toString();
    }
    if (v instanceof double[] arr) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < arr.length; i++) {
        sb.append(i == 0 ? "" : ",").append(json(arr[i]));
      }
      return sb.append(']').toString();
    }
    if (v instanceof java.util.Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      int i = 0;
      for (Object o : c) {
        sb.append(i++ == 0 ? "" : ",").append(jsonValue(o));
      }
      return sb.append(']').toString();
    }
    return "\"" + escape(v.toString()) + "\"";
  }

  private static String json(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
