package com.clisonix.edge.sensor.bridge;

import com.clisonix.edge.sensor.decode.JsonSupport;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Unwraps the {@code .../{char}/json} payload {@code {"hex":"16485401EC02","ts":1732500000123}}
 * (CONTRACT.md §1) into the characteristic bytes and the optional timestamp; the bytes then go
 * to the characteristic's GATT decoder exactly as if they had arrived in binary.
 *
 * <p>Accepted: a JSON object of at most {@value #MAX_BYTES} bytes with a string {@code hex} of
 * an even number of hex digits (either case, no separators, at least one byte) and an optional
 * {@code ts} (see {@link JsonSupport#epochMillis}); {@code "ts": null} counts as absent. Other
 * keys are ignored. Rejections: {@code too_large}, {@code bad_json} (malformed, too deep, or
 * trailing content after the object), {@code wrong_type} (top level not an object, {@code hex}
 * not a string), {@code missing_field} (no {@code hex}), {@code empty} (empty {@code hex}),
 * {@code bad_hex}, {@code bad_timestamp}.
 */
public final class HexEnvelopeDecoder {

    /** Largest payload accepted: far above any GATT value (at most 512 bytes, 1024 hex digits). */
    public static final int MAX_BYTES = 4096;

    private static final JsonFactory JSON = JsonSupport.factory(8, MAX_BYTES);

    private HexEnvelopeDecoder() {
    }

    public static ParseResult<HexEnvelope> decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return ParseResult.failed(RejectReason.EMPTY, "no payload");
        }
        if (payload.length > MAX_BYTES) {
            return ParseResult.failed(RejectReason.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.failed(RejectReason.WRONG_TYPE, "payload is not a JSON object");
            }
            String hex = null;
            long ts = JsonSupport.NO_TIMESTAMP;
            boolean hasTs = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("hex".equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return ParseResult.failed(RejectReason.WRONG_TYPE, "hex is not a string");
                    }
                    hex = p.getText();
                } else if ("ts".equals(name)) {
                    if (value == JsonToken.VALUE_NULL) {
                        hasTs = false;
                        continue;
                    }
                    ts = JsonSupport.epochMillis(p);
                    if (ts == JsonSupport.NO_TIMESTAMP) {
                        return ParseResult.failed(RejectReason.BAD_TIMESTAMP,
                                "ts is not a non-negative epoch-millisecond number");
                    }
                    hasTs = true;
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return ParseResult.failed(RejectReason.BAD_JSON, "content after the JSON object");
            }
            if (hex == null) {
                return ParseResult.failed(RejectReason.MISSING_FIELD, "no hex field");
            }
            ParseResult<byte[]> bytes = parseHex(hex);
            if (bytes instanceof ParseResult.Failed<byte[]> f) {
                return ParseResult.failed(f.reason(), f.detail());
            }
            byte[] value = ((ParseResult.Parsed<byte[]>) bytes).value();
            return ParseResult.parsed(new HexEnvelope(value, hasTs ? OptionalLong.of(ts) : OptionalLong.empty()));
        } catch (IOException | RuntimeException e) {
            return ParseResult.failed(RejectReason.BAD_JSON, String.valueOf(e.getMessage()));
        }
    }

    /** Parses hex text (even length, either case, no separators, at least one byte). */
    public static ParseResult<byte[]> parseHex(String hex) {
        if (hex.isEmpty()) {
            return ParseResult.failed(RejectReason.EMPTY, "hex is empty");
        }
        if ((hex.length() & 1) != 0) {
            return ParseResult.failed(RejectReason.BAD_HEX, "hex has an odd number of digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = DeviceIds.hexValue(hex.charAt(2 * i));
            int lo = DeviceIds.hexValue(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return ParseResult.failed(RejectReason.BAD_HEX, "non-hex character near position " + (2 * i));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return ParseResult.parsed(out);
    }
}
