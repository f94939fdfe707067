package com.clisonix.edge.sensor.eyes;

import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.JsonSupport;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Decodes {@code {root}/camera/{cameraId}/eyes}:
 * {@code {"ts":..,"track":"3","pupil_size":5.2,"pupil_dilation_rate":0.15,"blink_rate":18,
 * "eye_gaze_stability":75}} (CONTRACT.md §1).
 *
 * <p>{@code track} (string or integer) is required and must match {@code [A-Za-z0-9_-]{1,64}};
 * {@code ts} is optional. Each of the four metrics is optional; one with the wrong JSON type or
 * a non-finite value is dropped alone. Rejections: {@code empty}, {@code too_large} (over
 * {@value #MAX_BYTES} bytes), {@code bad_json}, {@code wrong_type}, {@code bad_timestamp},
 * {@code missing_field} (no track, or no usable metric at all), {@code bad_value} (bad track).
 * Values are reported as sent; plausibility is judged later.
 */
public final class EyeMetricsDecoder {

    public static final int MAX_BYTES = 4096;

    private static final JsonFactory JSON = JsonSupport.factory(8, MAX_BYTES);

    private EyeMetricsDecoder() {
    }

    public static ParseResult<EyeMetrics> decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return ParseResult.failed(RejectReason.EMPTY, "no payload");
        }
        if (payload.length > MAX_BYTES) {
            return ParseResult.failed(RejectReason.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        long ts = JsonSupport.NO_TIMESTAMP;
        String track = null;
        boolean badTrack = false;
        double pupil = Double.NaN;
        double dilation = Double.NaN;
        double blink = Double.NaN;
        double gaze = Double.NaN;
        List<DroppedField> dropped = new ArrayList<>(0);
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.failed(RejectReason.WRONG_TYPE, "payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "ts" -> {
                        if (t != JsonToken.VALUE_NULL) {
                            ts = JsonSupport.epochMillis(p);
                            if (ts == JsonSupport.NO_TIMESTAMP) {
                                return ParseResult.failed(RejectReason.BAD_TIMESTAMP,
                                        "ts is not a non-negative epoch-millisecond number");
                            }
                        }
                    }
                    case "track" -> {
                        track = JsonSupport.scalarText(p);
                        badTrack = track == null || !DeviceIds.isPlainId(track);
                        p.skipChildren();
                    }
                    case "pupil_size" -> pupil = metric(p, name, dropped);
                    case "pupil_dilation_rate" -> dilation = metric(p, name, dropped);
                    case "blink_rate" -> blink = metric(p, name, dropped);
                    case "eye_gaze_stability" -> gaze = metric(p, name, dropped);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return ParseResult.failed(RejectReason.BAD_JSON, "content after the JSON object");
            }
        } catch (IOException | RuntimeException e) {
            return ParseResult.failed(RejectReason.BAD_JSON, String.valueOf(e.getMessage()));
        }
        if (track == null && !badTrack) {
            return ParseResult.failed(RejectReason.MISSING_FIELD, "no track");
        }
        if (badTrack) {
            return ParseResult.failed(RejectReason.BAD_VALUE, "track is not 1-64 characters of [A-Za-z0-9_-]");
        }
        if (Double.isNaN(pupil) && Double.isNaN(dilation) && Double.isNaN(blink) && Double.isNaN(gaze)) {
            return ParseResult.failed(RejectReason.MISSING_FIELD, "no usable eye metric");
        }
        return ParseResult.parsed(new EyeMetrics(
                ts == JsonSupport.NO_TIMESTAMP ? OptionalLong.empty() : OptionalLong.of(ts),
                track, opt(pupil), opt(dilation), opt(blink), opt(gaze), dropped));
    }

    private static double metric(JsonParser p, String name, List<DroppedField> dropped) throws IOException {
        if (!JsonSupport.isNumber(p)) {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                dropped.add(new DroppedField(name, "wrong_type"));
            }
            p.skipChildren();
            return Double.NaN;
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            dropped.add(new DroppedField(name, "not_finite"));
            return Double.NaN;
        }
        return d;
    }

    private static OptionalDouble opt(double d) {
        return Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
    }
}
