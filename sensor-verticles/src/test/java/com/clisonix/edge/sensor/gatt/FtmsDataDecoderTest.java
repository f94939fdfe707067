package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.rejected;
import static com.clisonix.edge.sensor.decode.Results.types;
import static com.clisonix.edge.sensor.decode.Results.value;
import static com.clisonix.edge.sensor.decode.Results.values;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.CALORIES;
import static com.clisonix.edge.sensor.reading.ReadingType.DISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.ELAPSED_TIME;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_HOUR;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_MINUTE;
import static com.clisonix.edge.sensor.reading.ReadingType.FLOORS;
import static com.clisonix.edge.sensor.reading.ReadingType.HEART_RATE;
import static com.clisonix.edge.sensor.reading.ReadingType.INCLINATION;
import static com.clisonix.edge.sensor.reading.ReadingType.PACE;
import static com.clisonix.edge.sensor.reading.ReadingType.POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.RAMP_ANGLE;
import static com.clisonix.edge.sensor.reading.ReadingType.RESISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.STEP_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STRIDE_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STROKE_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import org.junit.jupiter.api.Test;

class FtmsDataDecoderTest {

    private static DecodeResult.Decoded decode(GattCharacteristic c, String hex) {
        return decoded(c.decoder().decode(Hex.bytes(hex)));
    }

    // --- Indoor bike, ble-gatt.md §2.1 (dvmarinoff/Flux indoor-bike-data.test.js) ---

    @Test
    void indoorBikeVectorI1() {
        // ble-gatt.md §2.1, vector I1: 2.80 km/h, 10 rpm, 6 W
        DecodeResult.Decoded d = decode(GattCharacteristic.INDOOR_BIKE_DATA, "44 00 18 01 14 00 06 00");
        assertThat(types(d)).containsExactly(SPEED, CADENCE, POWER);
        assertThat(value(d, SPEED)).isEqualTo(2.80);
        assertThat(value(d, CADENCE)).isEqualTo(10);
        assertThat(value(d, POWER)).isEqualTo(6);
    }

    @Test
    void indoorBikeVectorI2() {
        // ble-gatt.md §2.1, vector I2: 14.50 km/h, 23 rpm, 24 W, HR 70
        DecodeResult.Decoded d = decode(GattCharacteristic.INDOOR_BIKE_DATA, "44 02 AA 05 2E 00 18 00 46");
        assertThat(value(d, SPEED)).isEqualTo(14.50);
        assertThat(value(d, CADENCE)).isEqualTo(23);
        assertThat(value(d, POWER)).isEqualTo(24);
        assertThat(value(d, HEART_RATE)).isEqualTo(70);
    }

    @Test
    void indoorBikeVectorI3WithUint24Distance() {
        // ble-gatt.md §2.1, vector I3: 32.74 km/h, 80 rpm, 42195 m, 300 W, HR 143
        DecodeResult.Decoded d = decode(GattCharacteristic.INDOOR_BIKE_DATA,
                "54 02 CA 0C A0 00 D3 A4 00 2C 01 8F");
        assertThat(value(d, SPEED)).isEqualTo(32.74);
        assertThat(value(d, CADENCE)).isEqualTo(80);
        assertThat(value(d, DISTANCE)).isEqualTo(42195);
        assertThat(value(d, POWER)).isEqualTo(300);
        assertThat(value(d, HEART_RATE)).isEqualTo(143);
    }

    @Test
    void pitfall_indoorBikeBit1IsAverageSpeedNotCadence() {
        // ble-gatt.md §2.1 "Label swap in the XML": flags 0x44 = speed + cadence + power, and
        // bit 1 alone gates Average Speed (0x0E10 = 36.00 km/h), never cadence
        DecodeResult.Decoded d = decode(GattCharacteristic.INDOOR_BIKE_DATA, "03 00 10 0E");
        assertThat(types(d)).containsExactly(AVERAGE_SPEED);
        assertThat(value(d, AVERAGE_SPEED)).isEqualTo(36.00);
        assertThat(values(decode(GattCharacteristic.INDOOR_BIKE_DATA, "44 00 18 01 14 00 06 00"), AVERAGE_SPEED))
                .isEmpty();
    }

    @Test
    void indoorBikeAnnouncedFieldMissingRejectsWholePacket() {
        // I1 with its power bytes cut off: the structure no longer fits the flags (CONTRACT.md §1)
        rejected(GattCharacteristic.INDOOR_BIKE_DATA.decoder().decode(Hex.bytes("44 00 18 01 14 00")),
                RejectReason.FLAGS_MISMATCH);
        rejected(GattCharacteristic.INDOOR_BIKE_DATA.decoder().decode(Hex.bytes("44")), RejectReason.TRUNCATED);
    }

    // --- Rower, ble-gatt.md §2.3 (WaterRower-UK RowerDataCharacteristicTest.kt) ---

    @Test
    void rowerVectorR2aStrokeRateHalfResolution() {
        // ble-gatt.md §2.3, vector R2a: stroke rate 3.5 /min, stroke count 0
        DecodeResult.Decoded d = decode(GattCharacteristic.ROWER_DATA, "00 00 07 00 00");
        assertThat(value(d, CADENCE)).isEqualTo(3.5);
        assertThat(value(d, STROKE_COUNT)).isEqualTo(0);
    }

    @Test
    void rowerVectorR2bUint24DistanceWithoutStrokeData() {
        // ble-gatt.md §2.3, vector R2b: 262657 m, bit 0 = 1 so no stroke data
        DecodeResult.Decoded d = decode(GattCharacteristic.ROWER_DATA, "05 00 01 02 04");
        assertThat(types(d)).containsExactly(DISTANCE);
        assertThat(value(d, DISTANCE)).isEqualTo(262657);
    }

    @Test
    void rowerVectorsR2cR2dSignedPower() {
        // ble-gatt.md §2.3, vectors R2c (-1 W) and R2d (-257 W)
        assertThat(value(decode(GattCharacteristic.ROWER_DATA, "21 00 FF FF"), POWER)).isEqualTo(-1);
        assertThat(value(decode(GattCharacteristic.ROWER_DATA, "21 00 FF FE"), POWER)).isEqualTo(-257);
    }

    // --- Treadmill, ble-gatt.md §2.2 ---

    @Test
    void treadmillWithRfuBitSentinelsAndTrailingBytes() {
        // ble-gatt.md §2.2: the CITYSPORTS-Linker shape (hughesjs/FitnessMachine protocol/README.md):
        // flags 0x2484 (RFU bit 13 set), FF FF / FF in the per-hour / per-minute slots, extra bytes
        // after Elapsed Time. Values: 4.00 km/h, 1234 m, 56 kcal, 600 s.
        DecodeResult.Decoded d = decode(GattCharacteristic.TREADMILL_DATA,
                "84 24 90 01 D2 04 00 38 00 FF FF FF 58 02 21 03 00");
        assertThat(types(d)).containsExactly(SPEED, DISTANCE, CALORIES, ELAPSED_TIME);
        assertThat(value(d, SPEED)).isEqualTo(4.00);
        assertThat(value(d, DISTANCE)).isEqualTo(1234);
        assertThat(value(d, CALORIES)).isEqualTo(56);
        assertThat(values(d, ENERGY_PER_HOUR)).isEmpty();
        assertThat(values(d, ENERGY_PER_MINUTE)).isEmpty();
        assertThat(value(d, ELAPSED_TIME)).isEqualTo(600);
    }

    @Test
    void treadmillPaceIsConvertedToSecondsPerKmAndZeroMeansNone() {
        // ble-gatt.md §2.2: pace uint8 in 0.1 km/min; 0.2 km/min = 300 s/km
        assertThat(value(decode(GattCharacteristic.TREADMILL_DATA, "21 00 02"), PACE)).isEqualTo(300);
        assertThat(types(decode(GattCharacteristic.TREADMILL_DATA, "21 00 00"))).isEmpty();
    }

    @Test
    void treadmillSignedInclinationAndNotAvailableMarker() {
        // ble-gatt.md §2.2 bit 3: two sint16 at 0.1; 0x7FFF is read as "not available"
        DecodeResult.Decoded d = decode(GattCharacteristic.TREADMILL_DATA, "09 00 E2 FF 1E 00");
        assertThat(value(d, INCLINATION)).isEqualTo(-3.0);
        assertThat(value(d, RAMP_ANGLE)).isEqualTo(3.0);
        DecodeResult.Decoded na = decode(GattCharacteristic.TREADMILL_DATA, "09 00 FF 7F 1E 00");
        assertThat(types(na)).containsExactly(RAMP_ANGLE);
    }

    // --- Cross trainer, ble-gatt.md §2.4 ---

    @Test
    void crossTrainerHasThreeFlagBytes() {
        // ble-gatt.md §2.4: flags 0x008108 = speed (bit 0 clear), step rates (bit 3), power
        // (bit 8), movement backward (bit 15); data starts at offset 3
        DecodeResult.Decoded d = decode(GattCharacteristic.CROSS_TRAINER_DATA,
                "08 81 00 E8 03 50 00 4B 00 C8 00");
        assertThat(value(d, SPEED)).isEqualTo(10.00);
        assertThat(value(d, CADENCE)).isEqualTo(80);
        assertThat(value(d, AVERAGE_CADENCE)).isEqualTo(75);
        assertThat(value(d, POWER)).isEqualTo(200);
        assertThat(d.rawExtras()).containsEntry("movement_direction", "backward");
    }

    @Test
    void crossTrainerResistanceAndStrideCountHaveTenthResolution() {
        // ble-gatt.md §2.4: resistance 0.1 (unlike bike and rower), stride count 0.1
        DecodeResult.Decoded d = decode(GattCharacteristic.CROSS_TRAINER_DATA, "91 00 00 E8 03 32 00");
        assertThat(value(d, STRIDE_COUNT)).isEqualTo(100.0);
        assertThat(value(d, RESISTANCE)).isEqualTo(5.0);
        assertThat(d.rawExtras()).containsEntry("movement_direction", "forward");
        rejected(GattCharacteristic.CROSS_TRAINER_DATA.decoder().decode(Hex.bytes("08 81")), RejectReason.TRUNCATED);
    }

    @Test
    void bikeAndRowerResistanceHaveUnitResolution() {
        // ble-gatt.md §2.1 bit 5 and §2.3 bit 7: resistance sint16, unitless
        assertThat(value(decode(GattCharacteristic.INDOOR_BIKE_DATA, "21 00 32 00"), RESISTANCE)).isEqualTo(50);
        assertThat(value(decode(GattCharacteristic.ROWER_DATA, "81 00 32 00"), RESISTANCE)).isEqualTo(50);
    }

    // --- Step and stair climbers, ble-gatt.md §2.5 / §2.6 ---

    @Test
    void stepClimberFloorsAndStepCount() {
        // ble-gatt.md §2.5 bit 0 = 0: Floors then Step Count
        DecodeResult.Decoded d = decode(GattCharacteristic.STEP_CLIMBER_DATA, "00 00 0A 00 E8 03");
        assertThat(value(d, FLOORS)).isEqualTo(10);
        assertThat(value(d, STEP_COUNT)).isEqualTo(1000);
        DecodeResult.Decoded s = decode(GattCharacteristic.STAIR_CLIMBER_DATA, "00 00 0A 00");
        assertThat(types(s)).containsExactly(FLOORS);
    }

    @Test
    void pitfall_bit4DiffersBetweenStepAndStairClimber() {
        // ble-gatt.md §2.6: bit 4 is Expended Energy on the step climber, Stride Count on the stair climber
        String packet = "11 00 2C 01 58 02 0A";
        DecodeResult.Decoded step = decode(GattCharacteristic.STEP_CLIMBER_DATA, packet);
        assertThat(value(step, CALORIES)).isEqualTo(300);
        assertThat(value(step, ENERGY_PER_HOUR)).isEqualTo(600);
        assertThat(value(step, ENERGY_PER_MINUTE)).isEqualTo(10);
        DecodeResult.Decoded stair = decode(GattCharacteristic.STAIR_CLIMBER_DATA, packet);
        assertThat(types(stair)).containsExactly(STRIDE_COUNT);
        assertThat(value(stair, STRIDE_COUNT)).isEqualTo(300);
    }

    @Test
    void moreDataPacketWithNothingElseIsValidAndEmpty() {
        // ble-gatt.md §0: bit 0 = 1 means the first group is absent (record split over packets)
        for (GattCharacteristic c : GattCharacteristic.values()) {
            if (c.marksMachine()) {
                String hex = c == GattCharacteristic.CROSS_TRAINER_DATA ? "01 00 00" : "01 00";
                assertThat(decode(c, hex).measurements()).as(c.name()).isEmpty();
            }
        }
    }

    @Test
    void machineHeartRateZeroDecodesAsZero() {
        // ble-gatt.md §2 "Heart Rate uint8 (0 is common when no strap is paired)": kept for PlausibilityRules
        assertThat(value(decode(GattCharacteristic.ROWER_DATA, "01 02 00"), HEART_RATE)).isEqualTo(0);
    }
}
