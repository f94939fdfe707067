package com.clisonix.edge.sensor.gatt;

import java.util.Objects;

/**
 * Builds Heart Rate Measurement 0x2A37 values (ble-gatt.md §1): the mirror image of
 * {@link HeartRateMeasurementDecoder}, used by the floor simulator and by round-trip tests.
 */
public final class HeartRateMeasurementEncoder {

    /**
     * The content of one notification.
     *
     * @param bpm            heart rate, 0-65535 (0-255 unless {@code uint16})
     * @param uint16         send the heart rate as uint16 (straps do so above 255 bpm or always)
     * @param contact        the sensor contact status
     * @param energyKj       energy expended in kJ (0-65535), or null to omit the field
     * @param rrIntervals1024 RR intervals in 1/1024 s, oldest first; empty omits the field
     */
    public record HeartRateMeasurement(int bpm, boolean uint16, SensorContact contact,
                                       Integer energyKj, int[] rrIntervals1024) {
        public HeartRateMeasurement {
            Objects.requireNonNull(contact, "contact");
            rrIntervals1024 = rrIntervals1024 == null ? new int[0] : rrIntervals1024.clone();
        }
    }

    private HeartRateMeasurementEncoder() {
    }

    /**
     * Encodes one notification.
     *
     * @throws IllegalArgumentException when a value does not fit its field
     */
    public static byte[] encode(HeartRateMeasurement m) {
        int max = m.uint16() ? 0xFFFF : 0xFF;
        check("bpm", m.bpm(), max);
        int flags = (m.uint16() ? 0x01 : 0) | m.contact().rawBits() << 1;
        int size = 1 + (m.uint16() ? 2 : 1);
        if (m.energyKj() != null) {
            check("energyKj", m.energyKj(), 0xFFFF);
            flags |= 0x08;
            size += 2;
        }
        int[] rr = m.rrIntervals1024();
        if (rr.length > 0) {
            flags |= 0x10;
            size += 2 * rr.length;
        }
        byte[] out = new byte[size];
        out[0] = (byte) flags;
        int pos = 1;
        LittleEndian.put(out, pos, m.bpm(), m.uint16() ? 2 : 1);
        pos += m.uint16() ? 2 : 1;
        if (m.energyKj() != null) {
            LittleEndian.put(out, pos, m.energyKj(), 2);
            pos += 2;
        }
        for (int v : rr) {
            check("rr interval", v, 0xFFFF);
            LittleEndian.put(out, pos, v, 2);
            pos += 2;
        }
        return out;
    }

    /** Converts milliseconds to the characteristic's 1/1024 s units, rounded to nearest. */
    public static int rrToUnits(double millis) {
        return (int) Math.round(millis * 1024.0 / 1000.0);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside 0-" + max);
        }
    }
}
