package com.clisonix.edge.sensor.decode;

import java.util.Objects;

/**
 * The outcome of a parser whose product is not a list of readings (a pose frame, an eye-metrics
 * record, a hex envelope, a device id): the value, or a typed failure. Like
 * {@link DecodeResult}, it lets parsers report bad input without throwing.
 *
 * @param <T> the parsed value's type
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Failed {

    /** The input parsed. */
    record Parsed<T>(T value) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused. */
    record Failed<T>(RejectReason reason, String detail) implements ParseResult<T> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static <T> ParseResult<T> parsed(T value) {
        return new Parsed<>(value);
    }

    static <T> ParseResult<T> failed(RejectReason reason, String detail) {
        return new Failed<>(reason, detail);
    }
}
