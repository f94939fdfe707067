package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Map;
import java.util.Objects;

/**
 * Builds FTMS data characteristic values from readings: the mirror image of
 * {@link FtmsDataDecoder}, for the floor simulator and for round-trip tests.
 *
 * <p>A field group is written when at least one of its reading types is given; a group's other
 * fields are then filled with their "not available" marker, or 0 when they have none. When the
 * bit-0 group is not written, bit 0 ("more data") is set, as the inverted FTMS rule requires.
 */
public final class FtmsDataEncoder {

    private final FtmsLayout layout;

    public FtmsDataEncoder(FtmsLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Encodes the given values.
     *
     * @param values         readings in their reading units; types the layout lacks are ignored
     * @param extraFlagBits  bits OR-ed into the flags (e.g. the cross trainer's direction bit, or
     *                       RFU bits to imitate real machines); must not touch field bits
     * @throws IllegalArgumentException when a value does not fit its field or extra bits
     *                                  collide with field bits
     */
    public byte[] encode(Map<ReadingType, Double> values, int extraFlagBits) {
        int flags = 0;
        int size = layout.flagBytes();
        for (FtmsGroup g : layout.groups()) {
            if ((extraFlagBits >>> g.bit() & 1) != 0) {
                throw new IllegalArgumentException("extra flag bit " + g.bit() + " gates a field");
            }
            if (anyGiven(g, values)) {
                size += g.byteSize();
                if (g.bit() != 0) {
                    flags |= 1 << g.bit();
                }
            } else if (g.bit() == 0) {
                flags |= 1;
            }
        }
        flags |= extraFlagBits;
        byte[] out = new byte[size];
        LittleEndian.put(out, 0, flags, layout.flagBytes());
        int pos = layout.flagBytes();
        for (FtmsGroup g : layout.groups()) {
            if (!FtmsLayout.isPresent(g, flags)) {
                continue;
            }
            for (FtmsField f : g.fields()) {
                Double v = values.get(f.type());
                long raw = v != null ? f.toRaw(v) : (f.notAvailable() != FtmsField.NONE ? f.notAvailable() : 0);
                LittleEndian.put(out, pos, raw, f.wire().size());
                pos += f.wire().size();
            }
        }
        return out;
    }

    /** Encodes the given values with no extra flag bits. */
    public byte[] encode(Map<ReadingType, Double> values) {
        return encode(values, 0);
    }

    private static boolean anyGiven(FtmsGroup g, Map<ReadingType, Double> values) {
        for (FtmsField f : g.fields()) {
            if (values.get(f.type()) != null) {
                return true;
            }
        }
        return false;
    }
}
