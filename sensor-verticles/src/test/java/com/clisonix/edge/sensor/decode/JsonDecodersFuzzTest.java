package com.clisonix.edge.sensor.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.clisonix.edge.sensor.bridge.HexEnvelopeDecoder;
import com.clisonix.edge.sensor.bridge.TheengsDecoder;
import com.clisonix.edge.sensor.eyes.EyeMetricsDecoder;
import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON (truncated, mutated, deeply nested, huge numbers, wrong types, random bytes) never
 * makes a JSON decoder throw or stall: every call returns a typed result.
 */
class JsonDecodersFuzzTest {

    private static final String POSE_ROW = "[0.51,0.32,-0.10,0.99]";
    private static final String COCO_ROW = "[0.5,0.3,0.9]";

    /** Seeds in the shapes of CONTRACT.md §1 (hex envelope, pose frame, eyes) and bridges.md §1. */
    private static final List<String> SEEDS = List.of(
            "{\"hex\":\"16485401EC02\",\"ts\":1732500000123}",
            "{\"id\":\"A1:B2:C3:D4:E5:F6\",\"name\":\"Polar H10 75087320\",\"rssi\":-62,\"brand\":\"Polar\","
                    + "\"model\":\"Heart Rate Sensor\",\"model_id\":\"H10\",\"type\":\"BODY\",\"bpm\":70}",
            "{\"id\":\"A1:B2:C3:D4:E5:F6\",\"manufacturerdata\":\"6b003b164446\",\"batt\":97}",
            "{\"ts\":1732500000123,\"track\":\"3\",\"pupil_size\":5.2,\"pupil_dilation_rate\":0.15,"
                    + "\"blink_rate\":18,\"eye_gaze_stability\":75}",
            "{\"ts\":1732500000123,\"frame\":42,\"width\":1280,\"height\":720,\"people\":[{\"track\":\"3\","
                    + "\"format\":\"mediapipe33\",\"landmarks\":[" + String.join(",", java.util.Collections.nCopies(33, POSE_ROW))
                    + "]},{\"track\":\"4\",\"format\":\"coco17\",\"landmarks\":["
                    + String.join(",", java.util.Collections.nCopies(17, COCO_ROW)) + "]}]}");

    private static final PoseFrameDecoder POSE = new PoseFrameDecoder();

    private static void run(String name, Function<byte[], Object> decoder) {
        JsonFuzz fuzz = new JsonFuzz(name.hashCode(), SEEDS);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 5_000; i++) {
                byte[] payload = fuzz.next();
                Object r = decoder.apply(payload);
                assertThat(r).as(name).isNotNull();
                if (r instanceof DecodeResult.Decoded d) {
                    assertThat(d.measurements()).allSatisfy(m -> assertThat(Double.isFinite(m.value())).isTrue());
                }
            }
        });
    }

    @Test
    void hexEnvelope() {
        run("hex", HexEnvelopeDecoder::decode);
    }

    @Test
    void theengs() {
        run("theengs", TheengsDecoder::decode);
    }

    @Test
    void eyes() {
        run("eyes", EyeMetricsDecoder::decode);
    }

    @Test
    void pose() {
        run("pose", POSE::decode);
    }

    @Test
    void seedsThemselvesDecode() {
        assertThat(HexEnvelopeDecoder.decode(SEEDS.get(0).getBytes())).isInstanceOf(ParseResult.Parsed.class);
        assertThat(TheengsDecoder.decode(SEEDS.get(1).getBytes())).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(EyeMetricsDecoder.decode(SEEDS.get(3).getBytes())).isInstanceOf(ParseResult.Parsed.class);
        assertThat(POSE.decode(SEEDS.get(4).getBytes())).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void deepNestingAndHugeNumbersAreTypedRejections() {
        String deep = "{\"people\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(POSE.decode(deep.getBytes())).isInstanceOf(ParseResult.Failed.class);
        assertThat(TheengsDecoder.decode(("{\"x\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}").getBytes()))
                .isInstanceOf(DecodeResult.Rejected.class);
        assertThat(HexEnvelopeDecoder.decode(("{\"hex\":\"00\",\"ts\":" + "9".repeat(2000) + "}").getBytes()))
                .isInstanceOf(ParseResult.Failed.class);
    }
}
