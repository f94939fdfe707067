package com.clisonix.edge.sensor.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingTypeTest {

    /** CONTRACT.md §1 "Reading vocabulary", in the order listed there, plus the spec's names. */
    private static final List<String> CONTRACT_NAMES = List.of(
            "heart_rate", "rr_interval", "energy_expended", "sensor_contact", "speed", "average_speed",
            "cadence", "average_cadence", "power", "average_power", "distance", "resistance",
            "inclination", "elevation_gain", "pace", "stroke_count", "step_count", "floors",
            "stride_length", "calories", "metabolic_equivalent", "elapsed_time", "battery", "rssi",
            "stride_count", "ramp_angle", "negative_elevation_gain", "energy_per_hour",
            "energy_per_minute", "remaining_time", "force_on_belt", "average_pace",
            "pedal_power_balance", "accumulated_torque", "accumulated_energy",
            "respiratory_rate", "blood_pressure_systolic", "blood_pressure_diastolic", "hrv_rmssd",
            "stress_level", "pupil_size", "blink_rate");

    @Test
    void vocabularyMatchesTheContractExactly() {
        assertThat(Arrays.stream(ReadingType.values()).map(ReadingType::wireName))
                .containsExactlyInAnyOrderElementsOf(CONTRACT_NAMES);
        for (String name : CONTRACT_NAMES) {
            assertThat(ReadingType.fromWireName(name)).as(name).isPresent()
                    .get().extracting(ReadingType::wireName).isEqualTo(name);
        }
    }

    @Test
    void unitsNamedByTheContract() {
        // CONTRACT.md §1: units in brackets
        assertThat(ReadingType.HEART_RATE.unit()).isEqualTo("bpm");
        assertThat(ReadingType.RR_INTERVAL.unit()).isEqualTo("ms");
        assertThat(ReadingType.ENERGY_EXPENDED.unit()).isEqualTo("kJ");
        assertThat(ReadingType.SPEED.unit()).isEqualTo("km/h");
        assertThat(ReadingType.POWER.unit()).isEqualTo("W");
        assertThat(ReadingType.DISTANCE.unit()).isEqualTo("m");
        assertThat(ReadingType.CALORIES.unit()).isEqualTo("kcal");
        assertThat(ReadingType.ELAPSED_TIME.unit()).isEqualTo("s");
        assertThat(ReadingType.BATTERY.unit()).isEqualTo("%");
        assertThat(ReadingType.RSSI.unit()).isEqualTo("dBm");
        assertThat(ReadingType.ENERGY_PER_HOUR.unit()).isEqualTo("kcal/h");
        assertThat(ReadingType.ACCUMULATED_TORQUE.unit()).isEqualTo("N·m");
        for (ReadingType t : ReadingType.values()) {
            assertThat(t.unit()).as(t.wireName()).isNotBlank();
        }
    }

    @Test
    void lookupIsExactAndCaseSensitive() {
        assertThat(ReadingType.fromWireName("HEART_RATE")).isEmpty();
        assertThat(ReadingType.fromWireName("heart rate")).isEmpty();
        assertThat(ReadingType.fromWireName("emotional_state")).isEmpty();
        assertThat(ReadingType.fromWireName(null)).isEmpty();
    }

    @Test
    void plausibleRangesAreWellFormedAndExcludeNonFinite() {
        for (ReadingType t : ReadingType.values()) {
            assertThat(t.plausibleMin()).as(t.wireName()).isLessThan(t.plausibleMax());
            assertThat(t.isPlausible(Double.NaN)).isFalse();
            assertThat(t.isPlausible(Double.POSITIVE_INFINITY)).isFalse();
            assertThat(t.isPlausible(t.plausibleMin())).isTrue();
            assertThat(t.isPlausible(t.plausibleMax())).isTrue();
        }
        assertThat(new Measurement(ReadingType.SENSOR_CONTACT, 3).isPlausible()).isFalse();
        assertThat(new Measurement(ReadingType.POWER, -1).isPlausible()).isFalse();
    }
}
