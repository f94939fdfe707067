package com.clisonix.edge.sensor.gatt;

import java.util.List;

/**
 * A run of fields that one flag bit switches on or off together (e.g. Inclination and Ramp
 * Angle Setting share treadmill bit 3).
 */
public record FtmsGroup(int bit, List<FtmsField> fields) {

    public FtmsGroup {
        fields = List.copyOf(fields);
        if (bit < 0 || bit > 23) {
            throw new IllegalArgumentException("flag bit out of range: " + bit);
        }
    }

    public static FtmsGroup of(int bit, FtmsField... fields) {
        return new FtmsGroup(bit, List.of(fields));
    }

    /** Bytes the group occupies when present. */
    public int byteSize() {
        int n = 0;
        for (FtmsField f : fields) {
            n += f.wire().size();
        }
        return n;
    }
}
