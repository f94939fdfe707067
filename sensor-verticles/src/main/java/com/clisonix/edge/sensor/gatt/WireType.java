package com.clisonix.edge.sensor.gatt;

/** The integer encodings used by GATT fields (all little-endian). */
public enum WireType {
    UINT8(1, 0, 0xFFL),
    UINT16(2, 0, 0xFFFFL),
    SINT16(2, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT24(3, 0, 0xFF_FFFFL),
    UINT32(4, 0, 0xFFFF_FFFFL);

    private final int size;
    private final long min;
    private final long max;

    WireType(int size, long min, long max) {
        this.size = size;
        this.min = min;
        this.max = max;
    }

    public int size() {
        return size;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** Reads a field of this type at {@code i}; the caller has checked the bounds. */
    public long read(byte[] b, int i) {
        return switch (this) {
            case UINT8 -> LittleEndian.uint8(b, i);
            case UINT16 -> LittleEndian.uint16(b, i);
            case SINT16 -> LittleEndian.sint16(b, i);
            case UINT24 -> LittleEndian.uint24(b, i);
            case UINT32 -> LittleEndian.uint32(b, i);
        };
    }
}
