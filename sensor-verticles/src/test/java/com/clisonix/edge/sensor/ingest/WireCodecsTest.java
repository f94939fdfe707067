package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.pose.PoseFormat;
import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PosePerson;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireCodecsTest {
  final WireCodecs.ReadingCodec readings = new WireCodecs.ReadingCodec();
  final WireCodecs.PoseFramesCodec frames = new WireCodecs.PoseFramesCodec();

  @Test
  void readingCrossesTheWireUnchangedAfterOtherBytes() {
    Reading r = new Reading(UUID.randomUUID(), ReadingType.HEART_RATE, 143.0, "bpm", 1_764_000_000_123L, "strap-1",
        "chest_strap", "bridge-7", "{\"raw\":\"0x068f\",\"ü\":1}");
    Buffer b = Buffer.buffer().appendString("header");
    readings.encodeToWire(b, r);
    assertThat(readings.decodeFromWire(6, b)).isEqualTo(r);
    // smaller than the same reading as JSON, which is what the default cluster codec would send
    JsonObject json = JsonObject.mapFrom(r);
    assertThat(b.length() - 6).isLessThan(json.encode().length());
  }

  @Test
  void nullFieldsSurvive() {
    Reading r = new Reading(UUID.randomUUID(), ReadingType.POWER, 250.5, "W", 1L, null, null, null, null);
    Buffer b = Buffer.buffer();
    readings.encodeToWire(b, r);
    assertThat(readings.decodeFromWire(0, b)).isEqualTo(r);
  }

  @Test
  void withinOneBoxTheSameObjectIsPassed() {
    Reading r = new Reading(UUID.randomUUID(), ReadingType.HEART_RATE, 90, "bpm", 1L, "d", "chest_strap", "s", null);
    assertThat(readings.transform(r)).isSameAs(r);
  }

  @Test
  void poseFrameCrossesTheWireWithFloatLandmarks() {
    double[][] landmarks = new double[33][4];
    double[][] world = new double[33][3];
    for (int i = 0; i < 33; i++) {
      landmarks[i] = new double[] {0.1 + i / 100.0, 0.5 - i / 200.0, -0.02 * i, 0.99};
      world[i] = new double[] {0.01 * i, -0.3, 0.05};
    }
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    PoseFrame f = new PoseFrame(OptionalLong.of(1_764_000_000_000L), 991, 1280, 720, List.of(
        new PosePerson("t1", PoseFormat.MEDIAPIPE33, landmarks, world),
        new PosePerson("t2", PoseFormat.COCO17, landmarks, null)), List.of());
    IngestOutcome.PoseFrames p = new IngestOutcome.PoseFrames("cam-1", f, List.of(
        new IngestOutcome.TrackedPerson(a, "t1", "squat", 0), new IngestOutcome.TrackedPerson(b, "t2", null, 1)),
        List.of("t9"), 2);
    Buffer buf = Buffer.buffer();
    frames.encodeToWire(buf, p);
    IngestOutcome.PoseFrames back = frames.decodeFromWire(0, buf);
    assertThat(back.cameraId()).isEqualTo("cam-1");
    assertThat(back.frame().ts()).isEqualTo(OptionalLong.of(1_764_000_000_000L));
    assertThat(back.frame().frame()).isEqualTo(991);
    assertThat(back.frame().width()).isEqualTo(1280);
    assertThat(back.people()).isEqualTo(p.people());
    assertThat(back.discarded()).isEqualTo(2);
    PosePerson first = back.frame().people().get(0);
    assertThat(first.format()).isEqualTo(PoseFormat.MEDIAPIPE33);
    for (int i = 0; i < 33; i++) {
      for (int j = 0; j < 4; j++) {
        // float precision is far below what a camera measures (docs/decoding.md: 4-5 decimals)
        assertThat(first.landmarks()[i][j]).isCloseTo(landmarks[i][j], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    assertThat(first.world()[5][0]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(back.frame().people().get(1).world()).isNull();
  }

  @Test
  void onlyKeepsThePeopleOfOneOwnerAndRenumbersThem() {
    double[][] lm = new double[33][4];
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    PosePerson pa = new PosePerson("ta", PoseFormat.MEDIAPIPE33, lm, null);
    PosePerson pb = new PosePerson("tb", PoseFormat.MEDIAPIPE33, lm, null);
    IngestOutcome.PoseFrames p = new IngestOutcome.PoseFrames("cam", new PoseFrame(OptionalLong.empty(), 1, 640, 480,
        List.of(pa, pb), List.of()), List.of(new IngestOutcome.TrackedPerson(a, "ta", null, 0),
        new IngestOutcome.TrackedPerson(b, "tb", null, 1)), List.of(), 0);
    IngestOutcome.PoseFrames onlyB = WireCodecs.only(p, tp -> tp.userId().equals(b));
    assertThat(onlyB.people()).containsExactly(new IngestOutcome.TrackedPerson(b, "tb", null, 0));
    assertThat(onlyB.frame().people()).containsExactly(pb);
  }
}
