package com.clisonix.edge.sensor.bridge;

import java.util.Objects;

/**
 * A normalised device id: 12 upper-case hex digits for a MAC address, otherwise a plain id of
 * 1-64 characters from {@code [A-Za-z0-9_-]}. Obtain one through {@link DeviceIds#normalise}.
 *
 * @param value the normalised id
 * @param mac   true when the input was (or looked like) a MAC address
 */
public record DeviceId(String value, boolean mac) {

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
