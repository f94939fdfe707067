package com.clisonix.edge.sensor.decode;

import com.clisonix.edge.sensor.reading.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of decoding one payload into readings: either {@link Decoded} or
 * {@link Rejected}. Decoders return one of these for every input, however malformed, and never
 * throw for bad input.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

    /**
     * A payload that decoded.
     *
     * @param measurements the readings, in packet order
     * @param rawExtras    decoded values that have no reading type (kept as {@code raw_data});
     *                     values are strings, numbers, booleans or {@code int[]}; treat arrays
     *                     as read-only
     * @param dropped      fields that were present but left out, each with its reason
     */
    record Decoded(List<Measurement> measurements, Map<String, Object> rawExtras,
                   List<DroppedField> dropped) implements DecodeResult {

        public Decoded {
            // copyOf returns immutable inputs as they are, so decoders that build List.of/Map.of
            // values pay nothing here.
            measurements = List.copyOf(measurements);
            rawExtras = Map.copyOf(rawExtras);
            dropped = List.copyOf(dropped);
        }

        /** A decoded payload with readings only. */
        public static Decoded of(List<Measurement> measurements) {
            return new Decoded(measurements, Map.of(), List.of());
        }
    }

    /**
     * A payload refused as a whole.
     *
     * @param reason the metrics label
     * @param detail a short human-readable explanation for the (rate-limited) log line
     */
    record Rejected(RejectReason reason, String detail) implements DecodeResult {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static Rejected rejected(RejectReason reason, String detail) {
        return new Rejected(reason, detail);
    }
}
