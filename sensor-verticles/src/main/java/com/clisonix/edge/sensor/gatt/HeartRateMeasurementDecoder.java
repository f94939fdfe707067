package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the Heart Rate Measurement characteristic 0x2A37 (layout: ble-gatt.md §1, after the
 * Bluetooth SIG characteristic definition).
 *
 * <p>Output, in order: {@code heart_rate} (bpm, from a uint8 or uint16 as flag bit 0 says),
 * {@code sensor_contact} (always, 0/1/2 from the two-bit field), {@code energy_expended} (kJ,
 * when flag bit 3 is set) and one {@code rr_interval} reading per RR value, oldest first, in
 * milliseconds ({@code raw × 1000 / 1024}). The untouched RR values in 1/1024 s are kept in
 * {@code rawExtras} under {@value #RR_RAW_KEY} as an {@code int[]}, so HRV code can work in the
 * sensor's own resolution.
 *
 * <p>Policies:
 * <ul>
 *   <li>RR flag set but fewer than two bytes left: the packet's structure does not fit its flags
 *       and the whole packet is rejected ({@link RejectReason#FLAGS_MISMATCH}), as the contract
 *       requires and as Nordic's reference library does (ble-gatt.md §1, vector 6).</li>
 *   <li>RR flag set with an odd number of bytes left: every complete RR value is kept and the
 *       single dangling byte is reported as a dropped {@code rr_interval} with reason
 *       {@code odd_trailing_byte}. At least one RR value does fit, so the flags are honoured;
 *       the lone byte is treated like any other trailing byte.</li>
 *   <li>Energy Expended announced but cut short: rejected ({@link RejectReason#FLAGS_MISMATCH}).</li>
 *   <li>RFU flag bits 5-7 are ignored; bytes after the last field are ignored when the RR flag
 *       is clear.</li>
 *   <li>The heart rate is reported as sent (a uint16 300 stays 300);
 *       {@code PlausibilityRules} decides later whether it is usable.</li>
 * </ul>
 */
public final class HeartRateMeasurementDecoder implements GattDecoder {

    /** rawExtras key of the RR intervals in 1/1024 s ({@code int[]}, oldest first). */
    public static final String RR_RAW_KEY = "rr_raw_1024";

    private static final Measurement[] CONTACT = {
        new Measurement(ReadingType.SENSOR_CONTACT, 0),
        new Measurement(ReadingType.SENSOR_CONTACT, 1),
        new Measurement(ReadingType.SENSOR_CONTACT, 2),
    };

    @Override
    public DecodeResult decode(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length == 0) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no bytes");
        }
        final int end = offset + length;
        final int flags = b[offset] & 0xFF;
        final boolean wide = (flags & 0x01) != 0;
        final boolean hasEnergy = (flags & 0x08) != 0;
        final boolean hasRr = (flags & 0x10) != 0;
        int pos = offset + 1;

        final int hrSize = wide ? 2 : 1;
        if (pos + hrSize > end) {
            return new DecodeResult.Rejected(RejectReason.TRUNCATED,
                    "heart rate value needs " + hrSize + " byte(s) after the flags, packet has " + (end - pos));
        }
        final int hr = wide ? LittleEndian.uint16(b, pos) : LittleEndian.uint8(b, pos);
        pos += hrSize;

        int energy = -1;
        if (hasEnergy) {
            if (pos + 2 > end) {
                return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH,
                        "energy expended announced but only " + (end - pos) + " byte(s) remain");
            }
            energy = LittleEndian.uint16(b, pos);
            pos += 2;
        }

        int rrCount = 0;
        boolean oddByte = false;
        if (hasRr) {
            int remaining = end - pos;
            if (remaining < 2) {
                return new DecodeResult.Rejected(RejectReason.FLAGS_MISMATCH,
                        "RR intervals announced but only " + remaining + " byte(s) remain");
            }
            rrCount = remaining >>> 1;
            oddByte = (remaining & 1) != 0;
        }

        Measurement[] out = new Measurement[2 + (hasEnergy ? 1 : 0) + rrCount];
        int n = 0;
        out[n++] = new Measurement(ReadingType.HEART_RATE, hr);
        out[n++] = CONTACT[SensorContact.fromBits(flags >>> 1).readingValue()];
        if (hasEnergy) {
            out[n++] = new Measurement(ReadingType.ENERGY_EXPENDED, energy);
        }
        if (!hasRr) {
            return new DecodeResult.Decoded(List.of(out), Map.of(), List.of());
        }
        int[] rrRaw = new int[rrCount];
        for (int i = 0; i < rrCount; i++, pos += 2) {
            int raw = LittleEndian.uint16(b, pos);
            rrRaw[i] = raw;
            out[n++] = new Measurement(ReadingType.RR_INTERVAL, rrMillis(raw));
        }
        List<DroppedField> dropped = oddByte
                ? List.of(new DroppedField(ReadingType.RR_INTERVAL.wireName(), "odd_trailing_byte"))
                : List.of();
        return new DecodeResult.Decoded(List.of(out), Map.of(RR_RAW_KEY, rrRaw), dropped);
    }

    /** Converts an RR interval from the characteristic's 1/1024 s units to milliseconds. */
    public static double rrMillis(int raw1024) {
        return raw1024 * 1000.0 / 1024.0;
    }
}
