package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.decode.Results.decoded;
import static com.clisonix.edge.sensor.decode.Results.parsed;
import static com.clisonix.edge.sensor.decode.Results.rejected;
import static com.clisonix.edge.sensor.decode.Results.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.ReadingType;
import org.junit.jupiter.api.Test;

class CscTest {

    @Test
    void vectorC1RawCounters() {
        // ble-gatt.md §4, vector C1 (movisens/SmartGattLib CyclingSpeedCadenceMeasurementTest)
        byte[] c1 = Hex.bytes("03 2D 06 00 00 A3 A9 90 0A 28 9F");
        CscRevolutions r = parsed(CscMeasurementDecoder.readRevolutions(c1, 0, c1.length));
        assertThat(r).isEqualTo(new CscRevolutions(true, 1581, 43427, true, 2704, 40744));
        DecodeResult.Decoded d = decoded(new CscMeasurementDecoder().decode(c1));
        assertThat(d.measurements()).isEmpty();
        assertThat(d.rawExtras())
                .containsEntry(CscMeasurementDecoder.WHEEL_REVOLUTIONS, 1581L)
                .containsEntry(CscMeasurementDecoder.WHEEL_EVENT_TIME_1024, 43427)
                .containsEntry(CscMeasurementDecoder.CRANK_REVOLUTIONS, 2704)
                .containsEntry(CscMeasurementDecoder.CRANK_EVENT_TIME_1024, 40744);
    }

    @Test
    void vectorC2WheelSpeedWithNordicCircumference() {
        // ble-gatt.md §4, vector C2 (Nordic CSC callback test): 10 revs in 1 s on a 2340 mm
        // wheel = 23.4 m/s = 84.24 km/h
        CscCalculator calc = new CscCalculator(2.340, CscCalculator.CSC_WHEEL_TICKS_PER_SECOND, 3000);
        DecodeResult.Decoded first = decoded(calc.decode(Hex.bytes("01 0A 00 00 00 00 00"), 0));
        assertThat(first.measurements()).isEmpty();
        DecodeResult.Decoded second = decoded(calc.decode(Hex.bytes("01 14 00 00 00 00 04"), 1000));
        assertThat(value(second, ReadingType.SPEED)).isCloseTo(23.4 * 3.6, within(1e-9));
    }

    @Test
    void vectorC2CrankOnlyCadence() {
        // ble-gatt.md §4, vector C2 crank-only variant: revs 10 -> 11, time 0 -> 1024 = 60 rpm
        CscCalculator calc = new CscCalculator();
        calc.decode(Hex.bytes("02 0A 00 00 00"), 0);
        DecodeResult.Decoded d = decoded(calc.decode(Hex.bytes("02 0B 00 00 04"), 1000));
        assertThat(value(d, ReadingType.CADENCE)).isEqualTo(60.0);
    }

    @Test
    void deltasWrapModulo65536() {
        // ble-gatt.md §4: both deltas modulo 2^16; revs 65535 -> 1 is 2 revs, time 65000 -> 488 is 1024 ticks
        CscCalculator calc = new CscCalculator();
        calc.accept(CscRevolutions.crank(65535, 65000), 0);
        CscCalculator.Rates r = calc.accept(CscRevolutions.crank(1, 488), 1000);
        assertThat(r.cadenceRpm()).hasValue(120.0);
        // wheel revolutions are uint32: 0xFFFFFFFF -> 4 is 5 revolutions
        calc.accept(CscRevolutions.wheel(0xFFFF_FFFFL, 65000), 0);
        CscCalculator.Rates w = calc.accept(CscRevolutions.wheel(4, 488), 1000);
        assertThat(w.speedKmh().getAsDouble())
                .isCloseTo(5 * CscCalculator.DEFAULT_WHEEL_CIRCUMFERENCE_M * 3.6, within(1e-9));
    }

    @Test
    void repeatedEventHoldsLastCadenceThenReportsZero() {
        // ble-gatt.md §4: Δt = 0 with Δrevs = 0 means no new revolution; never divide by zero
        CscCalculator calc = new CscCalculator();
        calc.accept(CscRevolutions.crank(10, 0), 0);
        assertThat(calc.accept(CscRevolutions.crank(11, 1024), 1000).cadenceRpm()).hasValue(60.0);
        assertThat(calc.accept(CscRevolutions.crank(11, 1024), 2000).cadenceRpm()).hasValue(60.0);
        assertThat(calc.accept(CscRevolutions.crank(11, 1024), 4000).cadenceRpm()).hasValue(60.0);
        assertThat(calc.accept(CscRevolutions.crank(11, 1024), 4001).cadenceRpm()).hasValue(0.0);
        assertThat(calc.accept(CscRevolutions.crank(11, 1024), 5000).cadenceRpm()).hasValue(0.0);
        assertThat(calc.accept(CscRevolutions.crank(13, 2048), 6000).cadenceRpm()).hasValue(120.0);
    }

    @Test
    void revolutionsWithoutTimeProgressYieldNothing() {
        CscCalculator calc = new CscCalculator();
        calc.accept(CscRevolutions.crank(10, 500), 0);
        assertThat(calc.accept(CscRevolutions.crank(12, 500), 1000).cadenceRpm()).isEmpty();
    }

    @Test
    void longGapRestartsFromANewReference() {
        // event times wrap every 64 s, so a difference across a longer gap is ambiguous
        CscCalculator calc = new CscCalculator();
        calc.accept(CscRevolutions.crank(10, 0), 0);
        assertThat(calc.accept(CscRevolutions.crank(90, 1024), 120_000).cadenceRpm()).isEmpty();
        assertThat(calc.accept(CscRevolutions.crank(91, 2048), 121_000).cadenceRpm()).hasValue(60.0);
    }

    @Test
    void malformedPacketsAreRejectedAndLeaveStateAlone() {
        CscCalculator calc = new CscCalculator();
        calc.decode(Hex.bytes("02 0A 00 00 00"), 0);
        rejected(calc.decode(Hex.bytes("02 0B 00"), 500), RejectReason.FLAGS_MISMATCH);
        rejected(calc.decode(Hex.bytes("01 0A 00 00 00 00"), 500), RejectReason.FLAGS_MISMATCH);
        rejected(calc.decode(new byte[0], 500), RejectReason.EMPTY);
        assertThat(value(decoded(calc.decode(Hex.bytes("02 0B 00 00 04"), 1000)), ReadingType.CADENCE))
                .isEqualTo(60.0);
    }
}
