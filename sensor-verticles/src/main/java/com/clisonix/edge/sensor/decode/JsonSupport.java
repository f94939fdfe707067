package com.clisonix.edge.sensor.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Shared streaming-JSON plumbing for the payload decoders (bridge JSON, pose frames, eye
 * metrics). Each decoder gets a factory whose read constraints are far tighter than Jackson's
 * defaults, so that hostile input (deep nesting, a number with thousands of digits, a
 * megabyte-long string) fails fast inside the parser instead of costing time and memory.
 */
public final class JsonSupport {

    /** Sentinel returned by {@link #epochMillis(JsonParser)} for an unusable timestamp. */
    public static final long NO_TIMESTAMP = -1;

    private JsonSupport() {
    }

    /**
     * A factory for payloads of at most {@code maxBytes} bytes and {@code maxDepth} nesting
     * levels. Numbers are limited to 64 characters and strings to {@code maxBytes}.
     */
    public static JsonFactory factory(int maxDepth, int maxBytes) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxNumberLength(64)
                .maxStringLength(maxBytes)
                .maxDocumentLength(maxBytes)
                .build();
        // The fast parser reads numbers straight from the parser's buffer; the JDK path creates a
        // String and scratch arrays per number, which dominated the cost of a pose frame.
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /**
     * The current token as a double, or {@code NaN} when it is not a JSON number. Huge integers
     * come back as their (possibly infinite) double value; callers check finiteness.
     */
    public static double numberOrNaN(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        return Double.NaN;
    }

    /** True when the current token is a JSON number. */
    public static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /**
     * Reads the current token as an epoch-millisecond timestamp. Integers must fit a
     * non-negative {@code long}; a finite non-negative fraction is floored (some bridges compute
     * {@code time() * 1000} in floating point). Anything else yields {@link #NO_TIMESTAMP}.
     */
    public static long epochMillis(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            if (nt == JsonParser.NumberType.BIG_INTEGER) {
                return NO_TIMESTAMP;
            }
            long v = p.getLongValue();
            return v >= 0 ? v : NO_TIMESTAMP;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (Double.isFinite(d) && d >= 0 && d < 9.0e18) {
                return (long) Math.floor(d);
            }
        }
        return NO_TIMESTAMP;
    }

    /**
     * Reads an identifier-like scalar (string or integer) as a string, or returns null for any
     * other token. Cameras are not consistent about quoting track numbers.
     */
    public static String scalarText(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(p.getLongValue());
        }
        return null;
    }
}
