package com.clisonix.edge.sensor.gatt;

import java.util.List;
import java.util.Objects;

/**
 * The layout of one FTMS data characteristic: how many flag bytes it has, its flag-gated field
 * groups in packet order, and flag bits that carry information without a field.
 *
 * <p>In every FTMS data characteristic bit 0 ("More Data") is inverted: the group gated by bit 0
 * is present when the bit is 0 (ble-gatt.md §0). All other bits mean "present when set".
 *
 * @param name       short name used in rejection details
 * @param flagBytes  2, or 3 for the cross trainer
 * @param groups     field groups in packet order
 * @param flagExtras flag-only bits reported in rawExtras
 */
public record FtmsLayout(String name, int flagBytes, List<FtmsGroup> groups, List<FlagExtra> flagExtras) {

    /**
     * A flag bit without a field, reported in rawExtras under {@code key} as one of two strings.
     */
    public record FlagExtra(int bit, String key, String whenClear, String whenSet) {
    }

    public FtmsLayout {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        flagExtras = List.copyOf(flagExtras);
        if (flagBytes != 2 && flagBytes != 3) {
            throw new IllegalArgumentException("FTMS flags are 2 or 3 bytes");
        }
    }

    /** Whether the group is present under the given flags (bit 0 inverted). */
    public static boolean isPresent(FtmsGroup group, int flags) {
        boolean set = (flags >>> group.bit() & 1) != 0;
        return group.bit() == 0 ? !set : set;
    }
}
