package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.rejected;
import static com.clisonix.edge.sensor.decode.Results.types;
import static com.clisonix.edge.sensor.decode.Results.value;
import static com.clisonix.edge.sensor.reading.ReadingType.ACCUMULATED_ENERGY;
import static com.clisonix.edge.sensor.reading.ReadingType.ACCUMULATED_TORQUE;
import static com.clisonix.edge.sensor.reading.ReadingType.CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.DISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.PEDAL_POWER_BALANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.STRIDE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import org.junit.jupiter.api.Test;

/**
 * Packets built by hand from the field tables of ble-gatt.md §3 (Cycling Power) and §5 (RSC);
 * the reference lists no published vectors for these two.
 */
class CyclingPowerAndRscDecoderTest {

    private final CyclingPowerDecoder power = new CyclingPowerDecoder();
    private final RscMeasurementDecoder rsc = new RscMeasurementDecoder();

    @Test
    void powerIsAlwaysPresentAndSigned() {
        // ble-gatt.md §3: flags uint16 then Instantaneous Power sint16
        assertThat(value(decoded(power.decode(Hex.bytes("00 00 2C 01"))), POWER)).isEqualTo(300);
        assertThat(value(decoded(power.decode(Hex.bytes("00 00 38 FF"))), POWER)).isEqualTo(-200);
    }

    @Test
    void pedalBalanceHasHalfPercentResolutionAndReference() {
        // ble-gatt.md §3 bits 0-1: uint8 at 0.5 %, bit 1 = reference left
        DecodeResult.Decoded d = decoded(power.decode(Hex.bytes("03 00 C8 00 64")));
        assertThat(value(d, PEDAL_POWER_BALANCE)).isEqualTo(50.0);
        assertThat(d.rawExtras()).containsEntry("pedal_power_balance_reference", "left");
    }

    @Test
    void torqueEnergyAndCounters() {
        // ble-gatt.md §3 bits 2-3: accumulated torque 1/32 N·m, source crank
        DecodeResult.Decoded t = decoded(power.decode(Hex.bytes("0C 00 C8 00 40 00")));
        assertThat(value(t, ACCUMULATED_TORQUE)).isEqualTo(2.0);
        assertThat(t.rawExtras()).containsEntry("accumulated_torque_source", "crank");
        // bit 11: accumulated energy kJ
        assertThat(value(decoded(power.decode(Hex.bytes("00 08 C8 00 10 00"))), ACCUMULATED_ENERGY)).isEqualTo(16);
        // bit 4: wheel revolutions uint32 + event time in 1/2048 s (not 1/1024 as in CSC)
        DecodeResult.Decoded w = decoded(power.decode(Hex.bytes("10 00 C8 00 0A 00 00 00 00 08")));
        assertThat(w.rawExtras()).containsEntry(CyclingPowerDecoder.WHEEL_REVOLUTIONS, 10L)
                .containsEntry(CyclingPowerDecoder.WHEEL_EVENT_TIME_2048, 2048);
        // bit 5: crank revolutions + event time 1/1024 s
        DecodeResult.Decoded c = decoded(power.decode(Hex.bytes("20 00 C8 00 0A 00 00 04")));
        assertThat(c.rawExtras()).containsEntry(CyclingPowerDecoder.CRANK_REVOLUTIONS, 10)
                .containsEntry(CyclingPowerDecoder.CRANK_EVENT_TIME_1024, 1024);
    }

    @Test
    void extremeAnglesAreTwoPackedTwelveBitValues() {
        // ble-gatt.md §3 bit 8: two uint12 in 3 bytes; maximum 180 in the low 12 bits, minimum 90 above
        DecodeResult.Decoded d = decoded(power.decode(Hex.bytes("00 01 C8 00 B4 A0 05")));
        assertThat(d.rawExtras()).containsEntry("maximum_angle_deg", 180).containsEntry("minimum_angle_deg", 90);
    }

    @Test
    void powerPacketsThatDoNotFitAreRejected() {
        rejected(power.decode(Hex.bytes("20 00 C8 00 0A 00")), RejectReason.FLAGS_MISMATCH);
        rejected(power.decode(Hex.bytes("00 00 2C")), RejectReason.TRUNCATED);
        rejected(power.decode(new byte[0]), RejectReason.EMPTY);
    }

    @Test
    void rscMandatoryFieldsConvertToKmhAndStepsPerMinute() {
        // ble-gatt.md §5: speed uint16 at 1/256 m/s (2 m/s = 7.2 km/h), cadence uint8 steps/min
        DecodeResult.Decoded d = decoded(rsc.decode(Hex.bytes("00 00 02 B4")));
        assertThat(types(d)).containsExactly(SPEED, CADENCE);
        assertThat(value(d, SPEED)).isCloseTo(7.2, within(1e-9));
        assertThat(value(d, CADENCE)).isEqualTo(180);
        assertThat(d.rawExtras()).containsEntry("gait", "walking");
    }

    @Test
    void rscOptionalStrideAndDistance() {
        // ble-gatt.md §5 bits 0-2: stride 0.01 m, distance uint32 0.1 m, running flag
        DecodeResult.Decoded d = decoded(rsc.decode(Hex.bytes("07 00 02 B4 64 00 E8 03 00 00")));
        assertThat(value(d, STRIDE_LENGTH)).isEqualTo(1.00);
        assertThat(value(d, DISTANCE)).isEqualTo(100.0);
        assertThat(d.rawExtras()).containsEntry("gait", "running");
        rejected(rsc.decode(Hex.bytes("02 00 02 B4 E8 03")), RejectReason.FLAGS_MISMATCH);
        rejected(rsc.decode(Hex.bytes("00 00 02")), RejectReason.TRUNCATED);
    }
}
