package com.clisonix.edge.sensor.decode;

import java.util.Objects;

/**
 * A single field left out of an otherwise accepted payload, with a short snake_case reason.
 * Dropping one field keeps the rest of the packet (CONTRACT.md §1 "Decoding").
 *
 * @param field  the wire name of the reading or JSON field concerned
 * @param reason a stable snake_case reason, e.g. {@code out_of_range}, {@code not_a_number}
 */
public record DroppedField(String field, String reason) {

    public DroppedField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
