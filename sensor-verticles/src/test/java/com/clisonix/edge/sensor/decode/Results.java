package com.clisonix.edge.sensor.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.List;

/** Assertion shortcuts shared by the decoder tests. */
public final class Results {

    private Results() {
    }

    /** Asserts the result decoded and returns it. */
    public static DecodeResult.Decoded decoded(DecodeResult r) {
        assertThat(r).as("decode result").isInstanceOf(DecodeResult.Decoded.class);
        return (DecodeResult.Decoded) r;
    }

    /** Asserts the result was rejected for the given reason and returns it. */
    public static DecodeResult.Rejected rejected(DecodeResult r, RejectReason reason) {
        assertThat(r).as("decode result").isInstanceOf(DecodeResult.Rejected.class);
        DecodeResult.Rejected rej = (DecodeResult.Rejected) r;
        assertThat(rej.reason()).as("reason, detail: " + rej.detail()).isEqualTo(reason);
        return rej;
    }

    /** Asserts a parse result succeeded and returns its value. */
    public static <T> T parsed(ParseResult<T> r) {
        assertThat(r).as("parse result").isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<T>) r).value();
    }

    /** Asserts a parse result failed for the given reason and returns the failure. */
    public static <T> ParseResult.Failed<T> failed(ParseResult<T> r, RejectReason reason) {
        assertThat(r).as("parse result").isInstanceOf(ParseResult.Failed.class);
        ParseResult.Failed<T> f = (ParseResult.Failed<T>) r;
        assertThat(f.reason()).as("reason, detail: " + f.detail()).isEqualTo(reason);
        return f;
    }

    /** Every value of the given type, in order. */
    public static List<Double> values(DecodeResult.Decoded d, ReadingType type) {
        return d.measurements().stream().filter(m -> m.type() == type).map(Measurement::value).toList();
    }

    /** The single value of the given type (asserts there is exactly one). */
    public static double value(DecodeResult.Decoded d, ReadingType type) {
        List<Double> v = values(d, type);
        assertThat(v).as(type.wireName() + " readings in " + d.measurements()).hasSize(1);
        return v.get(0);
    }

    /** The reading types present, in order. */
    public static List<ReadingType> types(DecodeResult.Decoded d) {
        return d.measurements().stream().map(Measurement::type).toList();
    }
}
