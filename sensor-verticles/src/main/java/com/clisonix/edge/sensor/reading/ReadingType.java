package com.clisonix.edge.sensor.reading;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The closed vocabulary of reading types shared by MQTT ingestion, the {@code biometric_type}
 * column and the HTTP API (CONTRACT.md §1 "Reading vocabulary", plus the names the Fitness
 * Training Module specification adds).
 *
 * <p>Each type carries its wire name, the unit string stored beside the value, and a plausible
 * range. The range is not a validity rule: a value outside it is still stored, but counted as
 * implausible so that a drifting sensor or a misread field shows up in {@code /metrics}. The
 * ranges are deliberately generous (they must hold for elite athletes and for every machine
 * kind) and are listed in {@code docs/decoding.md}.
 *
 * <p>The unit of {@link #CADENCE}, {@link #AVERAGE_CADENCE}, {@link #PACE} and
 * {@link #AVERAGE_PACE} depends on the source (strokes per minute and seconds per 500 m for a
 * rower); {@link #unit()} is the default and the GATT layer supplies the per-source unit.
 */
public enum ReadingType {
    HEART_RATE("heart_rate", "bpm", 25, 240),
    RR_INTERVAL("rr_interval", "ms", 200, 2500),
    ENERGY_EXPENDED("energy_expended", "kJ", 0, 20_000),
    /** 0 = contact detection not supported, 1 = supported but no skin contact, 2 = contact. */
    SENSOR_CONTACT("sensor_contact", "status", 0, 2),
    SPEED("speed", "km/h", 0, 100),
    AVERAGE_SPEED("average_speed", "km/h", 0, 100),
    CADENCE("cadence", "rpm", 0, 300),
    AVERAGE_CADENCE("average_cadence", "rpm", 0, 300),
    POWER("power", "W", 0, 3_000),
    AVERAGE_POWER("average_power", "W", 0, 3_000),
    DISTANCE("distance", "m", 0, 1_000_000),
    RESISTANCE("resistance", "level", 0, 1_000),
    INCLINATION("inclination", "%", -50, 50),
    ELEVATION_GAIN("elevation_gain", "m", 0, 100_000),
    PACE("pace", "s/km", 30, 3_600),
    STROKE_COUNT("stroke_count", "count", 0, 1_000_000),
    STEP_COUNT("step_count", "count", 0, 1_000_000),
    FLOORS("floors", "count", 0, 100_000),
    STRIDE_LENGTH("stride_length", "m", 0, 3),
    CALORIES("calories", "kcal", 0, 20_000),
    METABOLIC_EQUIVALENT("metabolic_equivalent", "MET", 0, 25),
    ELAPSED_TIME("elapsed_time", "s", 0, 86_400),
    BATTERY("battery", "%", 0, 100),
    RSSI("rssi", "dBm", -127, 20),
    STRIDE_COUNT("stride_count", "count", 0, 1_000_000),
    RAMP_ANGLE("ramp_angle", "°", -45, 45),
    NEGATIVE_ELEVATION_GAIN("negative_elevation_gain", "m", 0, 100_000),
    ENERGY_PER_HOUR("energy_per_hour", "kcal/h", 0, 5_000),
    ENERGY_PER_MINUTE("energy_per_minute", "kcal/min", 0, 100),
    REMAINING_TIME("remaining_time", "s", 0, 86_400),
    FORCE_ON_BELT("force_on_belt", "N", -5_000, 5_000),
    AVERAGE_PACE("average_pace", "s/km", 30, 3_600),
    PEDAL_POWER_BALANCE("pedal_power_balance", "%", 0, 100),
    ACCUMULATED_TORQUE("accumulated_torque", "N·m", 0, 2_048),
    ACCUMULATED_ENERGY("accumulated_energy", "kJ", 0, 65_535),
    RESPIRATORY_RATE("respiratory_rate", "breaths/min", 4, 70),
    BLOOD_PRESSURE_SYSTOLIC("blood_pressure_systolic", "mmHg", 60, 260),
    BLOOD_PRESSURE_DIASTOLIC("blood_pressure_diastolic", "mmHg", 30, 160),
    HRV_RMSSD("hrv_rmssd", "ms", 1, 300),
    STRESS_LEVEL("stress_level", "score", 0, 100),
    PUPIL_SIZE("pupil_size", "mm", 1, 10),
    BLINK_RATE("blink_rate", "blinks/min", 0, 60);

    private static final Map<String, ReadingType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (ReadingType t : values()) {
            BY_WIRE_NAME.put(t.wireName, t);
        }
    }

    private final String wireName;
    private final String unit;
    private final double plausibleMin;
    private final double plausibleMax;

    ReadingType(String wireName, String unit, double plausibleMin, double plausibleMax) {
        this.wireName = wireName;
        this.unit = unit;
        this.plausibleMin = plausibleMin;
        this.plausibleMax = plausibleMax;
    }

    /** The snake_case name used on the wire, in the database and in the HTTP API. */
    public String wireName() {
        return wireName;
    }

    /** The default unit string stored beside the value. */
    public String unit() {
        return unit;
    }

    public double plausibleMin() {
        return plausibleMin;
    }

    public double plausibleMax() {
        return plausibleMax;
    }

    /** True when the value is finite and inside this type's plausible range (bounds included). */
    public boolean isPlausible(double value) {
        return value >= plausibleMin && value <= plausibleMax;
    }

    /** Looks a type up by its exact, case-sensitive wire name. */
    public static Optional<ReadingType> fromWireName(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
