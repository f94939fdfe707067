package com.clisonix.edge.sensor.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.gatt.GattCharacteristic;
import com.clisonix.edge.sensor.gatt.Hex;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlausibilityRulesTest {

    private static DecodeResult.Decoded of(Measurement... ms) {
        return new DecodeResult.Decoded(List.of(ms), Map.of("k", "v"), List.of());
    }

    @Test
    void machineHeartRateZeroMeansNoneAndTheRestIsKept() {
        // CONTRACT.md §1 "Decoding": a machine's heart rate of 0 means none; rower packet with
        // bit 0 = 1, power (bit 5) 150 W and heart rate (bit 9) 0, built per ble-gatt.md §2.3
        DecodeResult.Decoded rower = Results.decoded(
                GattCharacteristic.ROWER_DATA.decoder().decode(Hex.bytes("21 02 96 00 00")));
        PlausibilityRules.Outcome o = PlausibilityRules.apply(rower, true);
        assertThat(o.decoded().measurements()).containsExactly(new Measurement(ReadingType.POWER, 150));
        assertThat(o.decoded().dropped()).containsExactly(new DroppedField("heart_rate", "not_available"));
        assertThat(o.implausible()).isEmpty();
    }

    @Test
    void heartRateOutside20To300IsDroppedBoundsKept() {
        // CONTRACT.md §1: heart rate outside 20-300 bpm is dropped
        for (double hr : new double[] {0, 19.9, 300.5, 65535}) {
            PlausibilityRules.Outcome o = PlausibilityRules.apply(
                    of(new Measurement(ReadingType.HEART_RATE, hr), new Measurement(ReadingType.SENSOR_CONTACT, 2)), false);
            assertThat(o.decoded().measurements()).as("hr " + hr)
                    .containsExactly(new Measurement(ReadingType.SENSOR_CONTACT, 2));
            assertThat(o.decoded().dropped()).containsExactly(new DroppedField("heart_rate", "out_of_range"));
            assertThat(o.decoded().rawExtras()).containsEntry("k", "v");
        }
        for (double hr : new double[] {20, 300}) {
            PlausibilityRules.Outcome o = PlausibilityRules.apply(of(new Measurement(ReadingType.HEART_RATE, hr)), false);
            assertThat(o.decoded().measurements()).hasSize(1);
            // kept, but outside the narrower plausible range: counted as implausible
            assertThat(o.implausible()).hasSize(1);
        }
    }

    @Test
    void hr300FromVector8IsKeptButImplausible() {
        // ble-gatt.md §1, HR vector 8: HR 300 (uint16) decodes faithfully; the rules keep it (<= 300)
        DecodeResult.Decoded d = Results.decoded(
                GattCharacteristic.HEART_RATE_MEASUREMENT.decoder().decode(Hex.bytes("01 2C 01")));
        PlausibilityRules.Outcome o = PlausibilityRules.apply(d, false);
        assertThat(Results.value(o.decoded(), ReadingType.HEART_RATE)).isEqualTo(300);
        assertThat(o.implausible()).extracting(Measurement::type).containsExactly(ReadingType.HEART_RATE);
    }

    @Test
    void nonFiniteValuesAreDroppedAlone() {
        PlausibilityRules.Outcome o = PlausibilityRules.apply(of(
                new Measurement(ReadingType.POWER, Double.NaN),
                new Measurement(ReadingType.SPEED, 12),
                new Measurement(ReadingType.CADENCE, Double.POSITIVE_INFINITY)), true);
        assertThat(o.decoded().measurements()).containsExactly(new Measurement(ReadingType.SPEED, 12));
        assertThat(o.decoded().dropped()).containsExactly(
                new DroppedField("power", "not_finite"), new DroppedField("cadence", "not_finite"));
    }

    @Test
    void implausibleValuesAreKeptAndListed() {
        // ble-gatt.md §2.3 R2c: a rower reporting -1 W decodes, is stored, and is counted as implausible
        DecodeResult.Decoded d = Results.decoded(
                GattCharacteristic.ROWER_DATA.decoder().decode(Hex.bytes("21 00 FF FF")));
        PlausibilityRules.Outcome o = PlausibilityRules.apply(d, true);
        assertThat(o.decoded()).isSameAs(d);
        assertThat(o.implausible()).containsExactly(new Measurement(ReadingType.POWER, -1));
    }

    @Test
    void rejectReasonCodesAreUniqueSnakeCase() {
        HashSet<String> codes = new HashSet<>();
        Arrays.stream(RejectReason.values()).forEach(r -> {
            assertThat(r.code()).matches("[a-z]+(_[a-z]+)*");
            assertThat(codes.add(r.code())).as(r.code()).isTrue();
        });
    }
}
