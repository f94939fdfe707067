package com.clisonix.edge.sensor.bridge;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.failed;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static com.clisonix.edge.sensor.decode.Results.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.Hex;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexEnvelopeDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void contractExampleUnwrapsToHeartRateVector1() {
        // CONTRACT.md §1 /json topic example; its hex is ble-gatt.md §1 HR vector 1
        HexEnvelope env = parsed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"16485401EC02\",\"ts\":1732500000123}")));
        assertThat(env.value()).containsExactly(Hex.bytes("16 48 54 01 EC 02"));
        assertThat(env.ts()).hasValue(1_732_500_000_123L);
        assertThat(value(decoded(GattCharacteristic.HEART_RATE_MEASUREMENT.decoder().decode(env.value())),
                ReadingType.HEART_RATE)).isEqualTo(72);
    }

    @Test
    void tsIsOptionalAndLowerCaseHexIsFine() {
        HexEnvelope env = parsed(HexEnvelopeDecoder.decode(utf8("{\"ts\":null,\"hex\":\"0055\",\"extra\":[1,{}]}")));
        assertThat(env.value()).containsExactly(0x00, 0x55);
        assertThat(env.ts()).isEmpty();
        assertThat(parsed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"ec02\"}"))).value())
                .containsExactly(0xEC, 0x02);
        // a fractional millisecond time from a floating-point clock is floored
        assertThat(parsed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\",\"ts\":1732500000123.9}"))).ts())
                .hasValue(1_732_500_000_123L);
    }

    @Test
    void typedRejections() {
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"164\"}")), RejectReason.BAD_HEX);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"16 48\"}")), RejectReason.BAD_HEX);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"zz\"}")), RejectReason.BAD_HEX);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"\"}")), RejectReason.EMPTY);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":1648}")), RejectReason.WRONG_TYPE);
        failed(HexEnvelopeDecoder.decode(utf8("[\"1648\"]")), RejectReason.WRONG_TYPE);
        failed(HexEnvelopeDecoder.decode(utf8("{\"ts\":5}")), RejectReason.MISSING_FIELD);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\",\"ts\":-5}")), RejectReason.BAD_TIMESTAMP);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\",\"ts\":\"now\"}")), RejectReason.BAD_TIMESTAMP);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\",\"ts\":123456789012345678901234567890}")),
                RejectReason.BAD_TIMESTAMP);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\"")), RejectReason.BAD_JSON);
        failed(HexEnvelopeDecoder.decode(utf8("{\"hex\":\"00\"} {}")), RejectReason.BAD_JSON);
        failed(HexEnvelopeDecoder.decode(new byte[0]), RejectReason.EMPTY);
        failed(HexEnvelopeDecoder.decode(new byte[HexEnvelopeDecoder.MAX_BYTES + 1]), RejectReason.TOO_LARGE);
    }
}
