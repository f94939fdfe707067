package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the Cycling Power Measurement characteristic 0x2A63 (ble-gatt.md §3).
 *
 * <p>Readings: {@code power} (always), {@code pedal_power_balance} (%, 0.5 resolution),
 * {@code accumulated_torque} (N·m, 1/32), {@code accumulated_energy} (kJ). Everything else goes
 * to rawExtras under the keys defined here: the cumulative wheel and crank counters with their
 * event times in the packet's own units (wheel time is 1/2048 s here, unlike CSC), force and
 * torque extremes, the extreme angles (two uint12 values packed into three bytes, maximum in the
 * low 12 bits) and the dead-spot angles, plus the reference and source flags.
 *
 * <p>Fewer than four bytes (flags and power) is {@link RejectReason#TRUNCATED}; an announced
 * field that does not fit rejects the packet, {@link RejectReason#FLAGS_MISMATCH}. Unknown flag
 * bits and trailing bytes are ignored.
 */
public final class CyclingPowerDecoder implements GattDecoder {

    public static final String WHEEL_REVOLUTIONS = "cumulative_wheel_revolutions";
    public static final String WHEEL_EVENT_TIME_2048 = "last_wheel_event_time_2048";
    public static final String CRANK_REVOLUTIONS = "cumulative_crank_revolutions";
    public static final String CRANK_EVENT_TIME_1024 = "last_crank_event_time_1024";

    @Override
    public DecodeResult decode(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length == 0) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no bytes");
        }
        if (length < 4) {
            return new DecodeResult.Rejected(RejectReason.TRUNCATED,
                    "cycling power needs flags and power (4 bytes), packet has " + length);
        }
        final int flags = LittleEndian.uint16(b, offset);
        final int end = offset + length;
        List<Measurement> out = new ArrayList<>(4);
        Map<String, Object> extras = new HashMap<>();
        out.add(new Measurement(ReadingType.POWER, LittleEndian.sint16(b, offset + 2)));
        int pos = offset + 4;

        if ((flags & 0x0001) != 0) {
            if (!fits(pos, 1, end)) {
                return mismatch(0, pos - offset, length);
            }
            out.add(new Measurement(ReadingType.PEDAL_POWER_BALANCE, LittleEndian.uint8(b, pos) / 2.0));
            extras.put("pedal_power_balance_reference", (flags & 0x0002) != 0 ? "left" : "unknown");
            pos += 1;
        }
        if ((flags & 0x0004) != 0) {
            if (!fits(pos, 2, end)) {
                return mismatch(2, pos - offset, length);
            }
            out.add(new Measurement(ReadingType.ACCUMULATED_TORQUE, LittleEndian.uint16(b, pos) / 32.0));
            extras.put("accumulated_torque_source", (flags & 0x0008) != 0 ? "crank" : "wheel");
            pos += 2;
        }
        if ((flags & 0x0010) != 0) {
            if (!fits(pos, 6, end)) {
                return mismatch(4, pos - offset, length);
            }
            extras.put(WHEEL_REVOLUTIONS, LittleEndian.uint32(b, pos));
            extras.put(WHEEL_EVENT_TIME_2048, LittleEndian.uint16(b, pos + 4));
            pos += 6;
        }
        if ((flags & 0x0020) != 0) {
            if (!fits(pos, 4, end)) {
                return mismatch(5, pos - offset, length);
            }
            extras.put(CRANK_REVOLUTIONS, LittleEndian.uint16(b, pos));
            extras.put(CRANK_EVENT_TIME_1024, LittleEndian.uint16(b, pos + 2));
            pos += 4;
        }
        if ((flags & 0x0040) != 0) {
            if (!fits(pos, 4, end)) {
                return mismatch(6, pos - offset, length);
            }
            extras.put("maximum_force_n", LittleEndian.sint16(b, pos));
            extras.put("minimum_force_n", LittleEndian.sint16(b, pos + 2));
            pos += 4;
        }
        if ((flags & 0x0080) != 0) {
            if (!fits(pos, 4, end)) {
                return mismatch(7, pos - offset, length);
            }
            extras.put("maximum_torque_nm", LittleEndian.sint16(b, pos) / 32.0);
            extras.put("minimum_torque_nm", LittleEndian.sint16(b, pos + 2) / 32.0);
            pos += 4;
        }
        if ((flags & 0x0100) != 0) {
            if (!fits(pos, 3, end)) {
                return mismatch(8, pos - offset, length);
            }
            int packed = LittleEndian.uint24(b, pos);
            extras.put("maximum_angle_deg", packed & 0xFFF);
            extras.put("minimum_angle_deg", packed >>> 12);
            pos += 3;
        }
        if ((flags & 0x0200) != 0) {
            if (!fits(pos, 2, end)) {
                return mismatch(9, pos - offset, length);
            }
            extras.put("top_dead_spot_angle_deg", LittleEndian.uint16(b, pos));
            pos += 2;
        }
        if ((flags & 0x0400) != 0) {
            if (!fits(pos, 2, end)) {
                return mismatch(10, pos - offset, length);
            }
            extras.put("bottom_dead_spot_angle_deg", LittleEndian.uint16(b, pos));
            pos += 2;
        }
        if ((flags & 0x0800) != 0) {
            if (!fits(pos, 2, end)) {
                return mismatch(11, pos - offset, length);
            }
            out.add(new Measurement(ReadingType.ACCUMULATED_ENERGY, LittleEndian.uint16(b, pos)));
            pos += 2;
        }
        if ((flags & 0x1000) != 0) {
            extras.put("offset_compensation_indicator", true);
        }
        return new DecodeResult.Decoded(out, extras, List.of());
    }

    private static boolean fits(int pos, int size, int end) {
        return pos + size <= end;
    }

    private static DecodeResult mismatch(int bit, int at, int length) {
        return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH,
                "cycling power flag bit " + bit + " announces a field at offset " + at
                        + " but the packet ends at " + length);
    }
}
