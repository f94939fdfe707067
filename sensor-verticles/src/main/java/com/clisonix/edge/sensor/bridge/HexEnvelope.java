package com.clisonix.edge.sensor.bridge;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A characteristic value delivered as hex text by a bridge that cannot publish binary.
 *
 * @param value the decoded characteristic bytes (owned by the receiver)
 * @param ts    the payload's own time, epoch ms, when the bridge sent one; not yet checked
 *              against the acceptance window (see {@code TimestampPolicy})
 */
public record HexEnvelope(byte[] value, OptionalLong ts) {

    public HexEnvelope {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ts, "ts");
    }
}
