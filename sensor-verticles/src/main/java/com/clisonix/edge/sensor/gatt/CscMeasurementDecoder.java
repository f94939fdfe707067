package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the CSC Measurement characteristic 0x2A5B (ble-gatt.md §4).
 *
 * <p>A single packet carries only cumulative counters, so this stateless decoder yields no
 * readings: it reports the raw counters in rawExtras (keys below) and as a typed
 * {@link CscRevolutions}. Cadence and speed come from a per-device {@link CscCalculator}.
 * An announced block that does not fit rejects the packet ({@link RejectReason#FLAGS_MISMATCH});
 * RFU bits and trailing bytes are ignored.
 */
public final class CscMeasurementDecoder implements GattDecoder {

    public static final String WHEEL_REVOLUTIONS = "cumulative_wheel_revolutions";
    public static final String WHEEL_EVENT_TIME_1024 = "last_wheel_event_time_1024";
    public static final String CRANK_REVOLUTIONS = "cumulative_crank_revolutions";
    public static final String CRANK_EVENT_TIME_1024 = "last_crank_event_time_1024";

    @Override
    public DecodeResult decode(byte[] b, int offset, int length) {
        ParseResult<CscRevolutions> r = readRevolutions(b, offset, length);
        if (r instanceof ParseResult.Failed<CscRevolutions> f) {
            return new DecodeResult.Rejected(f.reason(), f.detail());
        }
        CscRevolutions rev = ((ParseResult.Parsed<CscRevolutions>) r).value();
        return new DecodeResult.Decoded(List.of(), toExtras(rev), List.of());
    }

    /** Decodes the counters of one packet. */
    public static ParseResult<CscRevolutions> readRevolutions(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length == 0) {
            return ParseResult.failed(RejectReason.EMPTY, "no bytes");
        }
        final int flags = b[offset] & 0xFF;
        final int end = offset + length;
        int pos = offset + 1;
        boolean hasWheel = (flags & 0x01) != 0;
        boolean hasCrank = (flags & 0x02) != 0;
        long wheelRevs = 0;
        int wheelTime = 0;
        int crankRevs = 0;
        int crankTime = 0;
        if (hasWheel) {
            if (pos + 6 > end) {
                return ParseResult.failed(RejectReason.FLAGS_MISMATCH,
                        "wheel data announced, 6 bytes needed, " + (end - pos) + " remain");
            }
            wheelRevs = LittleEndian.uint32(b, pos);
            wheelTime = LittleEndian.uint16(b, pos + 4);
            pos += 6;
        }
        if (hasCrank) {
            if (pos + 4 > end) {
                return ParseResult.failed(RejectReason.FLAGS_MISMATCH,
                        "crank data announced, 4 bytes needed, " + (end - pos) + " remain");
            }
            crankRevs = LittleEndian.uint16(b, pos);
            crankTime = LittleEndian.uint16(b, pos + 2);
        }
        return ParseResult.parsed(new CscRevolutions(hasWheel, wheelRevs, wheelTime, hasCrank, crankRevs, crankTime));
    }

    static Map<String, Object> toExtras(CscRevolutions rev) {
        Map<String, Object> extras = new HashMap<>(8);
        if (rev.hasWheel()) {
            extras.put(WHEEL_REVOLUTIONS, rev.wheelRevolutions());
            extras.put(WHEEL_EVENT_TIME_1024, rev.wheelEventTime());
        }
        if (rev.hasCrank()) {
            extras.put(CRANK_REVOLUTIONS, rev.crankRevolutions());
            extras.put(CRANK_EVENT_TIME_1024, rev.crankEventTime());
        }
        return extras;
    }
}
