package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.rejected;
import static com.clisonix.edge.sensor.decode.Results.types;
import static com.clisonix.edge.sensor.decode.Results.value;
import static com.clisonix.edge.sensor.decode.Results.values;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_EXPENDED;
import static com.clisonix.edge.sensor.reading.ReadingType.HEART_RATE;
import static com.clisonix.edge.sensor.reading.ReadingType.RR_INTERVAL;
import static com.clisonix.edge.sensor.reading.ReadingType.SENSOR_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.RejectReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartRateMeasurementDecoderTest {

    private final HeartRateMeasurementDecoder decoder = new HeartRateMeasurementDecoder();

    private DecodeResult.Decoded decode(String hex) {
        return decoded(decoder.decode(Hex.bytes(hex)));
    }

    private static int[] rrRaw(DecodeResult.Decoded d) {
        return (int[]) d.rawExtras().get(HeartRateMeasurementDecoder.RR_RAW_KEY);
    }

    @Test
    void vector1_uint8WithContactAndTwoRrIntervals() {
        // ble-gatt.md §1, HR vector 1 (movisens/SmartGattLib HeartRateMeasurementTest)
        DecodeResult.Decoded d = decode("16 48 54 01 EC 02");
        assertThat(value(d, HEART_RATE)).isEqualTo(72);
        assertThat(value(d, SENSOR_CONTACT)).isEqualTo(2);
        assertThat(values(d, ENERGY_EXPENDED)).isEmpty();
        assertThat(rrRaw(d)).containsExactly(340, 748);
        // 0.33203125 s and 0.73046875 s as the source asserts, in ms
        assertThat(values(d, RR_INTERVAL)).containsExactly(332.03125, 730.46875);
        assertThat(d.dropped()).isEmpty();
    }

    @Test
    void vector2_simpleUint8NoContactSupport() {
        // ble-gatt.md §1, HR vector 2 (Nordic Android-BLE-Common-Library, _simple)
        DecodeResult.Decoded d = decode("00 55");
        assertThat(value(d, HEART_RATE)).isEqualTo(85);
        assertThat(value(d, SENSOR_CONTACT)).isEqualTo(0);
        assertThat(values(d, ENERGY_EXPENDED)).isEmpty();
        assertThat(values(d, RR_INTERVAL)).isEmpty();
        assertThat(d.rawExtras()).doesNotContainKey(HeartRateMeasurementDecoder.RR_RAW_KEY);
    }

    @Test
    void vector3_contactSupportedButNotDetected() {
        // ble-gatt.md §1, HR vector 3 (Nordic, _noContact)
        DecodeResult.Decoded d = decode("04 FF");
        assertThat(value(d, HEART_RATE)).isEqualTo(255);
        assertThat(value(d, SENSOR_CONTACT)).isEqualTo(1);
    }

    @Test
    void vector4_energyBeforeSingleRr() {
        // ble-gatt.md §1, HR vector 4 (Nordic, _uint8)
        DecodeResult.Decoded d = decode("1E 55 32 00 21 00");
        assertThat(value(d, HEART_RATE)).isEqualTo(85);
        assertThat(value(d, SENSOR_CONTACT)).isEqualTo(2);
        assertThat(value(d, ENERGY_EXPENDED)).isEqualTo(50);
        assertThat(rrRaw(d)).containsExactly(33);
        assertThat(value(d, RR_INTERVAL)).isCloseTo(32.227, within(0.001));
    }

    @Test
    void vector5_uint16WithEnergyAndThreeRr() {
        // ble-gatt.md §1, HR vector 5 (Nordic, _uint16)
        DecodeResult.Decoded d = decode("1F 01 01 32 01 01 00 02 01 FF FF");
        assertThat(value(d, HEART_RATE)).isEqualTo(257);
        assertThat(value(d, SENSOR_CONTACT)).isEqualTo(2);
        assertThat(value(d, ENERGY_EXPENDED)).isEqualTo(306);
        assertThat(rrRaw(d)).containsExactly(1, 258, 65535);
        assertThat(values(d, RR_INTERVAL)).hasSize(3);
        // packet order: HR, contact, EE, then RR oldest first
        assertThat(types(d)).containsExactly(HEART_RATE, SENSOR_CONTACT, ENERGY_EXPENDED,
                RR_INTERVAL, RR_INTERVAL, RR_INTERVAL);
    }

    @Test
    void vector6_rrAnnouncedWithoutBytesIsRejectedWhole() {
        // ble-gatt.md §1, HR vector 6 (Nordic, onInvalidDataReceived): policy = reject whole
        rejected(decoder.decode(Hex.bytes("17 01 01")), RejectReason.FLAGS_MISMATCH);
    }

    @Test
    void vector7_uint8Hr150() {
        // ble-gatt.md §1, HR vector 7 (gbram895/IndoorWarior ftms.test.js)
        assertThat(value(decode("00 96"), HEART_RATE)).isEqualTo(150);
    }

    @Test
    void vector8_uint16Hr300DecodesFaithfully() {
        // ble-gatt.md §1, HR vector 8: 300 decodes as 300; plausibility is a later step
        assertThat(value(decode("01 2C 01"), HEART_RATE)).isEqualTo(300);
    }

    @Test
    void pitfall_flags02IsNotSupportedRatherThanNoContact() {
        // ble-gatt.md §1 pitfall: the two contact bits are one value; 0x02 -> value 1 = not supported
        assertThat(value(decode("02 48"), SENSOR_CONTACT)).isEqualTo(0);
        assertThat(value(decode("06 48"), SENSOR_CONTACT)).isEqualTo(2);
    }

    @Test
    void rrConversionExamplesFromReference() {
        // ble-gatt.md §1 pitfall "RR conversion": 768 -> 750 ms, 800 -> 781.25 ms
        assertThat(HeartRateMeasurementDecoder.rrMillis(768)).isEqualTo(750.0);
        assertThat(HeartRateMeasurementDecoder.rrMillis(800)).isEqualTo(781.25);
    }

    @Test
    void oddRrByteKeepsCompleteIntervalsAndReportsTheDanglingByte() {
        // policy (docs/decoding.md): flags 0x10, HR 70, RR 768 and a lone 0x05
        DecodeResult.Decoded d = decode("10 46 00 03 05");
        assertThat(value(d, HEART_RATE)).isEqualTo(70);
        assertThat(rrRaw(d)).containsExactly(768);
        assertThat(d.dropped()).containsExactly(new DroppedField("rr_interval", "odd_trailing_byte"));
    }

    @Test
    void singleRrByteIsRejected() {
        rejected(decoder.decode(Hex.bytes("10 46 05")), RejectReason.FLAGS_MISMATCH);
    }

    @Test
    void truncatedEnergyIsRejected() {
        rejected(decoder.decode(Hex.bytes("08 46 32")), RejectReason.FLAGS_MISMATCH);
    }

    @Test
    void missingHeartRateIsTruncated() {
        rejected(decoder.decode(Hex.bytes("01 46")), RejectReason.TRUNCATED);
        rejected(decoder.decode(Hex.bytes("00")), RejectReason.TRUNCATED);
        rejected(decoder.decode(new byte[0]), RejectReason.EMPTY);
        rejected(decoder.decode((byte[]) null), RejectReason.EMPTY);
    }

    @Test
    void rfuBitsAndTrailingBytesAreIgnoredWithoutRrFlag() {
        // ble-gatt.md §0: unknown bits and bytes after the last field never invalidate a packet
        DecodeResult.Decoded d = decode("E0 50 AA BB CC");
        assertThat(types(d)).containsExactly(HEART_RATE, SENSOR_CONTACT);
        assertThat(value(d, HEART_RATE)).isEqualTo(80);
    }

    @Test
    void decodesASliceOfALargerBuffer() {
        byte[] buf = Hex.bytes("FF FF 00 55 FF");
        DecodeResult.Decoded d = decoded(decoder.decode(buf, 2, 2));
        assertThat(value(d, HEART_RATE)).isEqualTo(85);
    }

    @Test
    void sensorContactIsAlwaysBesideHeartRate() {
        for (int flags = 0; flags < 256; flags++) {
            byte[] packet = HeartRateMeasurementEncoder.encode(new HeartRateMeasurementEncoder.HeartRateMeasurement(
                    90, (flags & 1) != 0, SensorContact.fromBits(flags >> 1), null, new int[] {800}));
            DecodeResult.Decoded d = decoded(decoder.decode(packet));
            assertThat(values(d, SENSOR_CONTACT)).hasSize(1);
            assertThat(values(d, HEART_RATE)).isEqualTo(List.of(90.0));
        }
    }
}
