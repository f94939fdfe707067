package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;

/**
 * Decodes one GATT characteristic value (the exact bytes of one notification) into readings.
 *
 * <p>Implementations are stateless and thread-safe, decode faithfully (plausibility is a later,
 * separate step) and return {@link DecodeResult.Rejected} instead of throwing for any content of
 * the bytes. The slice form lets callers decode straight out of a larger network buffer.
 */
@FunctionalInterface
public interface GattDecoder {

    /**
     * Decodes {@code length} bytes of {@code buf} starting at {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the slice lies outside {@code buf} (a caller bug, not
     *                                   bad input)
     */
    DecodeResult decode(byte[] buf, int offset, int length);

    /** Decodes a whole array; {@code null} is treated as an empty packet. */
    default DecodeResult decode(byte[] value) {
        if (value == null) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no payload");
        }
        return decode(value, 0, value.length);
    }
}
