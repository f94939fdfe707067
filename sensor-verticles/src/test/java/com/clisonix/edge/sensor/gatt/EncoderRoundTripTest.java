package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.value;
import static com.clisonix.edge.sensor.decode.Results.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Encode random valid values, decode them, and get them back within the field's resolution. */
class EncoderRoundTripTest {

    private static final HeartRateMeasurementDecoder HR = new HeartRateMeasurementDecoder();

    @Test
    void heartRateMeasurementRoundTrip() {
        qt().withFixedSeed(0x2A37).withExamples(2000).forAll(
                integers().between(0, 65535),
                integers().between(0, 5),
                integers().between(-1, 65535),
                lists().of(integers().between(0, 65535)).ofSizeBetween(0, 9))
            .checkAssert((bpm, mode, energy, rr) -> {
                boolean wide = bpm > 255 || mode >= 3;
                SensorContact contact = SensorContact.values()[mode % 3];
                int[] rrRaw = rr.stream().mapToInt(Integer::intValue).toArray();
                byte[] packet = HeartRateMeasurementEncoder.encode(new HeartRateMeasurementEncoder.HeartRateMeasurement(
                        bpm, wide, contact, energy < 0 ? null : energy, rrRaw));
                DecodeResult.Decoded d = decoded(HR.decode(packet));
                assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo((double) bpm);
                assertThat(value(d, ReadingType.SENSOR_CONTACT)).isEqualTo(contact.readingValue());
                assertThat(values(d, ReadingType.ENERGY_EXPENDED))
                        .isEqualTo(energy < 0 ? List.of() : List.of((double) energy));
                assertThat(values(d, ReadingType.RR_INTERVAL)).hasSize(rrRaw.length);
                if (rrRaw.length > 0) {
                    assertThat((int[]) d.rawExtras().get(HeartRateMeasurementDecoder.RR_RAW_KEY)).isEqualTo(rrRaw);
                }
            });
    }

    @Test
    void rrMillisecondsSurviveTheTrip() {
        qt().withFixedSeed(7).withExamples(1000).forAll(doubles().between(200, 2500)).checkAssert(ms -> {
            int units = HeartRateMeasurementEncoder.rrToUnits(ms);
            assertThat(HeartRateMeasurementDecoder.rrMillis(units)).isCloseTo(ms, within(1000.0 / 1024 / 2 + 1e-9));
        });
    }

    @Test
    void indoorBikeRoundTrip() {
        qt().withFixedSeed(0x2AD2).withExamples(1000).forAll(
                doubles().between(0, 655.35),
                doubles().between(0, 200),
                integers().between(-32768, 32767),
                integers().between(0, 0xFF_FFFF))
            .checkAssert((speed, cadence, power, distance) -> {
                byte[] packet = IndoorBikeDataEncoder.encode(new IndoorBikeDataEncoder.IndoorBikeData(
                        speed, null, cadence, null, distance, null, power, null, 120, null, null, 140, 2.5, 600, null));
                DecodeResult.Decoded d = decoded(GattCharacteristic.INDOOR_BIKE_DATA.decoder().decode(packet));
                assertThat(value(d, ReadingType.SPEED)).isCloseTo(speed, within(0.005 + 1e-9));
                assertThat(value(d, ReadingType.CADENCE)).isCloseTo(cadence, within(0.25 + 1e-9));
                assertThat(value(d, ReadingType.POWER)).isEqualTo((double) power);
                assertThat(value(d, ReadingType.DISTANCE)).isEqualTo((double) distance);
                assertThat(value(d, ReadingType.CALORIES)).isEqualTo(120);
                // per-hour and per-minute were not given: written as "not available", read back as absent
                assertThat(values(d, ReadingType.ENERGY_PER_HOUR)).isEmpty();
                assertThat(value(d, ReadingType.HEART_RATE)).isEqualTo(140);
                assertThat(value(d, ReadingType.METABOLIC_EQUIVALENT)).isEqualTo(2.5);
                assertThat(value(d, ReadingType.ELAPSED_TIME)).isEqualTo(600);
            });
    }

    @Test
    void treadmillRoundTrip() {
        qt().withFixedSeed(0x2ACD).withExamples(1000).forAll(
                doubles().between(0, 25),
                doubles().between(-6, 40),
                integers().between(1, 255),
                integers().between(0, 0xFF_FFFF))
            .checkAssert((speed, incline, paceRaw, distance) -> {
                double pace = 600.0 / paceRaw;
                byte[] packet = TreadmillDataEncoder.encode(new TreadmillDataEncoder.TreadmillData(
                        speed, null, distance, incline, null, null, null, pace, null,
                        80, 700, 12, 150, null, 1200, null, null, 250));
                DecodeResult.Decoded d = decoded(GattCharacteristic.TREADMILL_DATA.decoder().decode(packet));
                assertThat(value(d, ReadingType.SPEED)).isCloseTo(speed, within(0.005 + 1e-9));
                assertThat(value(d, ReadingType.INCLINATION)).isCloseTo(incline, within(0.05 + 1e-9));
                // ramp angle shares the group but was not given: written as 0x7FFF, read back as absent
                assertThat(values(d, ReadingType.RAMP_ANGLE)).isEmpty();
                assertThat(value(d, ReadingType.PACE)).isCloseTo(pace, within(1e-9));
                assertThat(value(d, ReadingType.DISTANCE)).isEqualTo((double) distance);
                assertThat(value(d, ReadingType.ENERGY_PER_HOUR)).isEqualTo(700);
                assertThat(value(d, ReadingType.ENERGY_PER_MINUTE)).isEqualTo(12);
                assertThat(value(d, ReadingType.POWER)).isEqualTo(250);
                assertThat(value(d, ReadingType.FORCE_ON_BELT)).isEqualTo(0);
            });
    }

    @Test
    void rowerRoundTrip() {
        qt().withFixedSeed(0x2AD1).withExamples(1000).forAll(
                doubles().between(0, 127.5),
                integers().between(0, 65535),
                integers().between(60, 600),
                integers().between(-32768, 32767))
            .checkAssert((rate, strokes, pace, power) -> {
                byte[] packet = RowerDataEncoder.encode(new RowerDataEncoder.RowerData(
                        rate, strokes, null, 5000, pace, null, power, null, null, null, null, null, null, null, 900, null));
                DecodeResult.Decoded d = decoded(GattCharacteristic.ROWER_DATA.decoder().decode(packet));
                assertThat(value(d, ReadingType.CADENCE)).isCloseTo(rate, within(0.25 + 1e-9));
                assertThat(value(d, ReadingType.STROKE_COUNT)).isEqualTo((double) strokes);
                assertThat(value(d, ReadingType.PACE)).isEqualTo((double) pace);
                assertThat(value(d, ReadingType.POWER)).isEqualTo((double) power);
                assertThat(value(d, ReadingType.DISTANCE)).isEqualTo(5000);
                assertThat(value(d, ReadingType.ELAPSED_TIME)).isEqualTo(900);
            });
    }

    @Test
    void rowerWithoutStrokeDataSetsTheMoreDataBit() {
        // ble-gatt.md §2.3: without stroke data bit 0 must be 1 (R2b is such a packet)
        byte[] packet = RowerDataEncoder.encode(new RowerDataEncoder.RowerData(
                null, null, null, 262657, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(packet).containsExactly(Hex.bytes("05 00 01 02 04"));
    }

    @Test
    void indoorBikeEncoderReproducesVectorI3() {
        // ble-gatt.md §2.1, vector I3, built from its expected values
        byte[] packet = IndoorBikeDataEncoder.encode(new IndoorBikeDataEncoder.IndoorBikeData(
                32.74, null, 80.0, null, 42195, null, 300, null, null, null, null, 143, null, null, null));
        assertThat(packet).containsExactly(Hex.bytes("54 02 CA 0C A0 00 D3 A4 00 2C 01 8F"));
    }

    @Test
    void heartRateEncoderReproducesVector5() {
        // ble-gatt.md §1, HR vector 5
        byte[] packet = HeartRateMeasurementEncoder.encode(new HeartRateMeasurementEncoder.HeartRateMeasurement(
                257, true, SensorContact.CONTACT, 306, new int[] {1, 258, 65535}));
        assertThat(packet).containsExactly(Hex.bytes("1F 01 01 32 01 01 00 02 01 FF FF"));
    }

    @Test
    void everyFtmsLayoutRoundTripsRandomFieldSubsets() {
        Random rnd = new Random(0x1826);
        for (FtmsLayout layout : List.of(FtmsLayouts.INDOOR_BIKE, FtmsLayouts.TREADMILL, FtmsLayouts.ROWER,
                FtmsLayouts.CROSS_TRAINER, FtmsLayouts.STEP_CLIMBER, FtmsLayouts.STAIR_CLIMBER)) {
            FtmsDataEncoder encoder = new FtmsDataEncoder(layout);
            FtmsDataDecoder decoder = new FtmsDataDecoder(layout);
            for (int i = 0; i < 500; i++) {
                Map<ReadingType, Double> given = new EnumMap<>(ReadingType.class);
                for (FtmsGroup g : layout.groups()) {
                    if (!rnd.nextBoolean()) {
                        continue;
                    }
                    for (FtmsField f : g.fields()) {
                        long raw;
                        do {
                            raw = f.wire().min() + (long) (rnd.nextDouble() * (f.wire().max() - f.wire().min() + 1));
                        } while (f.isNotAvailable(raw) || (f.isInverse() && raw == 0));
                        given.put(f.type(), f.toValue(raw));
                    }
                }
                DecodeResult.Decoded d = decoded(decoder.decode(encoder.encode(given)));
                Map<ReadingType, Double> back = new EnumMap<>(ReadingType.class);
                for (Measurement m : d.measurements()) {
                    back.put(m.type(), m.value());
                }
                assertThat(back).as(layout.name()).isEqualTo(given);
            }
        }
    }

    @Test
    void encodersRefuseValuesThatDoNotFit() {
        assertThatThrownBy(() -> HeartRateMeasurementEncoder.encode(new HeartRateMeasurementEncoder.HeartRateMeasurement(
                256, false, SensorContact.CONTACT, null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndoorBikeDataEncoder.encode(new IndoorBikeDataEncoder.IndoorBikeData(
                700.0, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowerDataEncoder.encode(new RowerDataEncoder.RowerData(
                null, null, null, -1, null, null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
