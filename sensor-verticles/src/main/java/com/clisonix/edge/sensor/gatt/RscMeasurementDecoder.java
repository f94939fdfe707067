package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the RSC Measurement characteristic 0x2A53 (ble-gatt.md §5).
 *
 * <p>Readings: {@code speed} (sent in 1/256 m/s, reported in km/h), {@code cadence}
 * (steps/min), and when flagged {@code stride_length} (0.01 m) and {@code distance} (sent in
 * 0.1 m, reported in m). The walking/running bit goes to rawExtras as {@code "gait"}.
 * Fewer than four bytes (flags, speed, cadence) is {@link RejectReason#TRUNCATED}; an announced
 * field that does not fit is {@link RejectReason#FLAGS_MISMATCH}.
 */
public final class RscMeasurementDecoder implements GattDecoder {

    @Override
    public DecodeResult decode(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length == 0) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no bytes");
        }
        if (length < 4) {
            return new DecodeResult.Rejected(RejectReason.TRUNCATED,
                    "running speed and cadence needs 4 bytes, packet has " + length);
        }
        final int flags = b[offset] & 0xFF;
        final int end = offset + length;
        List<Measurement> out = new ArrayList<>(4);
        out.add(new Measurement(ReadingType.SPEED, LittleEndian.uint16(b, offset + 1) * 3.6 / 256.0));
        out.add(new Measurement(ReadingType.CADENCE, LittleEndian.uint8(b, offset + 3)));
        int pos = offset + 4;
        if ((flags & 0x01) != 0) {
            if (pos + 2 > end) {
                return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH,
                        "stride length announced, " + (end - pos) + " byte(s) remain");
            }
            out.add(new Measurement(ReadingType.STRIDE_LENGTH, LittleEndian.uint16(b, pos) / 100.0));
            pos += 2;
        }
        if ((flags & 0x02) != 0) {
            if (pos + 4 > end) {
                return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH,
                        "total distance announced, " + (end - pos) + " byte(s) remain");
            }
            out.add(new Measurement(ReadingType.DISTANCE, LittleEndian.uint32(b, pos) / 10.0));
        }
        Map<String, Object> extras = Map.of("gait", (flags & 0x04) != 0 ? "running" : "walking");
        return new DecodeResult.Decoded(out, extras, List.of());
    }
}
