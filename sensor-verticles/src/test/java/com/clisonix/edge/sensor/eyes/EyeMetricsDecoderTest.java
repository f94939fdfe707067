package com.clisonix.edge.sensor.eyes;

import static com.clisonix.edge.sensor.decode.Results.failed;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static com.clisonix.edge.sensor.decode.Results.types;
import static com.clisonix.edge.sensor.decode.Results.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EyeMetricsDecoderTest {

    private static ParseResult<EyeMetrics> decode(String json) {
        return EyeMetricsDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contractExample() {
        // CONTRACT.md §1 eyes topic payload (values from the spec's emotional-state example)
        EyeMetrics m = parsed(decode("{\"ts\":1732500000123,\"track\":\"3\",\"pupil_size\":5.2,"
                + "\"pupil_dilation_rate\":0.15,\"blink_rate\":18,\"eye_gaze_stability\":75}"));
        assertThat(m.ts()).hasValue(1_732_500_000_123L);
        assertThat(m.track()).isEqualTo("3");
        assertThat(m.pupilSizeMm()).hasValue(5.2);
        assertThat(m.pupilDilationRate()).hasValue(0.15);
        assertThat(m.blinkRatePerMin()).hasValue(18);
        assertThat(m.eyeGazeStability()).hasValue(75);

        DecodeResult.Decoded d = m.toDecoded();
        assertThat(types(d)).containsExactly(ReadingType.PUPIL_SIZE, ReadingType.BLINK_RATE);
        assertThat(value(d, ReadingType.PUPIL_SIZE)).isEqualTo(5.2);
        assertThat(value(d, ReadingType.BLINK_RATE)).isEqualTo(18);
        assertThat(d.rawExtras()).containsEntry(EyeMetrics.DILATION_RATE_KEY, 0.15)
                .containsEntry(EyeMetrics.GAZE_STABILITY_KEY, 75.0);
    }

    @Test
    void numericTrackAndMissingOptionalFields() {
        EyeMetrics m = parsed(decode("{\"track\":3,\"blink_rate\":12}"));
        assertThat(m.track()).isEqualTo("3");
        assertThat(m.ts()).isEmpty();
        assertThat(m.pupilSizeMm()).isEmpty();
        assertThat(types(m.toDecoded())).containsExactly(ReadingType.BLINK_RATE);
    }

    @Test
    void badMetricIsDroppedAlone() {
        EyeMetrics m = parsed(decode("{\"track\":\"3\",\"pupil_size\":\"big\",\"blink_rate\":1e999,"
                + "\"eye_gaze_stability\":70,\"pupil_dilation_rate\":null}"));
        assertThat(m.pupilSizeMm()).isEmpty();
        assertThat(m.blinkRatePerMin()).isEmpty();
        assertThat(m.eyeGazeStability()).hasValue(70);
        assertThat(m.dropped()).containsExactly(
                new DroppedField("pupil_size", "wrong_type"), new DroppedField("blink_rate", "not_finite"));
        assertThat(m.toDecoded().dropped()).isEqualTo(m.dropped());
    }

    @Test
    void rejections() {
        failed(decode("{\"pupil_size\":5}"), RejectReason.MISSING_FIELD);
        failed(decode("{\"track\":\"3\"}"), RejectReason.MISSING_FIELD);
        failed(decode("{\"track\":\"3 4\",\"pupil_size\":5}"), RejectReason.BAD_VALUE);
        failed(decode("{\"track\":{\"id\":3},\"pupil_size\":5}"), RejectReason.BAD_VALUE);
        failed(decode("{\"track\":\"3\",\"pupil_size\":5,\"ts\":\"x\"}"), RejectReason.BAD_TIMESTAMP);
        failed(decode("[]"), RejectReason.WRONG_TYPE);
        failed(decode("{\"track\":\"3\""), RejectReason.BAD_JSON);
        failed(EyeMetricsDecoder.decode(new byte[EyeMetricsDecoder.MAX_BYTES + 1]), RejectReason.TOO_LARGE);
        failed(EyeMetricsDecoder.decode(null), RejectReason.EMPTY);
    }
}
