package com.clisonix.edge.sensor.gatt;

/**
 * Little-endian field access on raw characteristic values (every multi-byte GATT field is
 * little-endian, ble-gatt.md §0). Static methods on an array and an absolute index, so the hot
 * decoders allocate nothing to read a field. Callers check bounds before reading.
 */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int uint8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    public static int uint16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    public static int sint16(byte[] b, int i) {
        return (short) uint16(b, i);
    }

    public static int uint24(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }

    public static long uint32(byte[] b, int i) {
        return ((long) uint16(b, i)) | ((long) uint16(b, i + 2)) << 16;
    }

    /** Writes the low {@code size} bytes of {@code value} at {@code i}, least significant first. */
    public static void put(byte[] b, int i, long value, int size) {
        for (int k = 0; k < size; k++) {
            b[i + k] = (byte) (value >>> (8 * k));
        }
    }
}
