package com.clisonix.edge.sensor.gatt;

import static com.clisonix.edge.sensor.gatt.FtmsField.inverse;
import static com.clisonix.edge.sensor.gatt.FtmsField.of;
import static com.clisonix.edge.sensor.gatt.FtmsGroup.of;
import static com.clisonix.edge.sensor.gatt.WireType.SINT16;
import static com.clisonix.edge.sensor.gatt.WireType.UINT16;
import static com.clisonix.edge.sensor.gatt.WireType.UINT24;
import static com.clisonix.edge.sensor.gatt.WireType.UINT8;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_PACE;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.AVERAGE_SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.CADENCE;
import static com.clisonix.edge.sensor.reading.ReadingType.CALORIES;
import static com.clisonix.edge.sensor.reading.ReadingType.DISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.ELAPSED_TIME;
import static com.clisonix.edge.sensor.reading.ReadingType.ELEVATION_GAIN;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_HOUR;
import static com.clisonix.edge.sensor.reading.ReadingType.ENERGY_PER_MINUTE;
import static com.clisonix.edge.sensor.reading.ReadingType.FLOORS;
import static com.clisonix.edge.sensor.reading.ReadingType.FORCE_ON_BELT;
import static com.clisonix.edge.sensor.reading.ReadingType.HEART_RATE;
import static com.clisonix.edge.sensor.reading.ReadingType.INCLINATION;
import static com.clisonix.edge.sensor.reading.ReadingType.METABOLIC_EQUIVALENT;
import static com.clisonix.edge.sensor.reading.ReadingType.NEGATIVE_ELEVATION_GAIN;
import static com.clisonix.edge.sensor.reading.ReadingType.PACE;
import static com.clisonix.edge.sensor.reading.ReadingType.POWER;
import static com.clisonix.edge.sensor.reading.ReadingType.RAMP_ANGLE;
import static com.clisonix.edge.sensor.reading.ReadingType.REMAINING_TIME;
import static com.clisonix.edge.sensor.reading.ReadingType.RESISTANCE;
import static com.clisonix.edge.sensor.reading.ReadingType.SPEED;
import static com.clisonix.edge.sensor.reading.ReadingType.STEP_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STRIDE_COUNT;
import static com.clisonix.edge.sensor.reading.ReadingType.STROKE_COUNT;

import java.util.List;

/**
 * The six FTMS data characteristics as tables (ble-gatt.md §2.1-§2.6, after the SIG's
 * FTMS 1.0-era characteristic definitions).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Indoor bike bit 1 is Average Speed and bit 2 Instantaneous Cadence: the SIG XML's bit
 *       names are swapped, its requirement links and real devices are not (ble-gatt.md §2.1).</li>
 *   <li>Expended Energy: {@code 0xFFFF} total or per hour and {@code 0xFF} per minute mean "not
 *       available" (seen on a real treadmill; ble-gatt.md §2); such a field yields no reading.</li>
 *   <li>Treadmill Inclination and Ramp Angle: raw {@code 0x7FFF} (3276.7 % or °, physically
 *       impossible) is read as "not available".</li>
 *   <li>Treadmill Metabolic Equivalent is taken at 0.1 resolution like the other machines, and
 *       its pace fields as uint8 in 0.1 km/min, converted to s/km; both follow the 2017 tables
 *       and are marked uncertain there.</li>
 *   <li>Rower pace stays in s/500 m, stroke rates are 0.5 per minute.</li>
 *   <li>Cross trainer flags are 3 bytes; its resistance and stride count have 0.1 resolution,
 *       its elevation gains 1 m. Bit 15 (movement direction) has no field.</li>
 * </ul>
 */
public final class FtmsLayouts {

    private static final long NA16 = 0xFFFF;
    private static final long NA8 = 0xFF;
    private static final long NA_SINT16 = 0x7FFF;

    private static FtmsGroup energy(int bit) {
        return of(bit,
                of(CALORIES, UINT16, 1, NA16),
                of(ENERGY_PER_HOUR, UINT16, 1, NA16),
                of(ENERGY_PER_MINUTE, UINT8, 1, NA8));
    }

    private static FtmsGroup heartRate(int bit) {
        return of(bit, of(HEART_RATE, UINT8, 1));
    }

    private static FtmsGroup met(int bit) {
        return of(bit, of(METABOLIC_EQUIVALENT, UINT8, 10));
    }

    private static FtmsGroup elapsed(int bit) {
        return of(bit, of(ELAPSED_TIME, UINT16, 1));
    }

    private static FtmsGroup remaining(int bit) {
        return of(bit, of(REMAINING_TIME, UINT16, 1));
    }

    /** Indoor Bike Data 0x2AD2 (ble-gatt.md §2.1). */
    public static final FtmsLayout INDOOR_BIKE = new FtmsLayout("indoor_bike", 2, List.of(
            of(0, of(SPEED, UINT16, 100)),
            of(1, of(AVERAGE_SPEED, UINT16, 100)),
            of(2, of(CADENCE, UINT16, 2)),
            of(3, of(AVERAGE_CADENCE, UINT16, 2)),
            of(4, of(DISTANCE, UINT24, 1)),
            of(5, of(RESISTANCE, SINT16, 1)),
            of(6, of(POWER, SINT16, 1)),
            of(7, of(AVERAGE_POWER, SINT16, 1)),
            energy(8),
            heartRate(9),
            met(10),
            elapsed(11),
            remaining(12)), List.of());

    /** Treadmill Data 0x2ACD (ble-gatt.md §2.2). */
    public static final FtmsLayout TREADMILL = new FtmsLayout("treadmill", 2, List.of(
            of(0, of(SPEED, UINT16, 100)),
            of(1, of(AVERAGE_SPEED, UINT16, 100)),
            of(2, of(DISTANCE, UINT24, 1)),
            of(3, of(INCLINATION, SINT16, 10, NA_SINT16), of(RAMP_ANGLE, SINT16, 10, NA_SINT16)),
            of(4, of(ELEVATION_GAIN, UINT16, 10), of(NEGATIVE_ELEVATION_GAIN, UINT16, 10)),
            of(5, inverse(PACE, UINT8, 600)),
            of(6, inverse(AVERAGE_PACE, UINT8, 600)),
            energy(7),
            heartRate(8),
            met(9),
            elapsed(10),
            remaining(11),
            of(12, of(FORCE_ON_BELT, SINT16, 1), of(POWER, SINT16, 1))), List.of());

    /** Rower Data 0x2AD1 (ble-gatt.md §2.3). */
    public static final FtmsLayout ROWER = new FtmsLayout("rower", 2, List.of(
            of(0, of(CADENCE, UINT8, 2), of(STROKE_COUNT, UINT16, 1)),
            of(1, of(AVERAGE_CADENCE, UINT8, 2)),
            of(2, of(DISTANCE, UINT24, 1)),
            of(3, of(PACE, UINT16, 1)),
            of(4, of(AVERAGE_PACE, UINT16, 1)),
            of(5, of(POWER, SINT16, 1)),
            of(6, of(AVERAGE_POWER, SINT16, 1)),
            of(7, of(RESISTANCE, SINT16, 1)),
            energy(8),
            heartRate(9),
            met(10),
            elapsed(11),
            remaining(12)), List.of());

    /** Cross Trainer Data 0x2ACE (ble-gatt.md §2.4), 24-bit flags. */
    public static final FtmsLayout CROSS_TRAINER = new FtmsLayout("cross_trainer", 3, List.of(
            of(0, of(SPEED, UINT16, 100)),
            of(1, of(AVERAGE_SPEED, UINT16, 100)),
            of(2, of(DISTANCE, UINT24, 1)),
            of(3, of(CADENCE, UINT16, 1), of(AVERAGE_CADENCE, UINT16, 1)),
            of(4, of(STRIDE_COUNT, UINT16, 10)),
            of(5, of(ELEVATION_GAIN, UINT16, 1), of(NEGATIVE_ELEVATION_GAIN, UINT16, 1)),
            of(6, of(INCLINATION, SINT16, 10, NA_SINT16), of(RAMP_ANGLE, SINT16, 10, NA_SINT16)),
            of(7, of(RESISTANCE, SINT16, 10)),
            of(8, of(POWER, SINT16, 1)),
            of(9, of(AVERAGE_POWER, SINT16, 1)),
            energy(10),
            heartRate(11),
            met(12),
            elapsed(13),
            remaining(14)),
            List.of(new FtmsLayout.FlagExtra(15, "movement_direction", "forward", "backward")));

    /** Step Climber Data 0x2ACF (ble-gatt.md §2.5). */
    public static final FtmsLayout STEP_CLIMBER = new FtmsLayout("step_climber", 2, List.of(
            of(0, of(FLOORS, UINT16, 1), of(STEP_COUNT, UINT16, 1)),
            of(1, of(CADENCE, UINT16, 1)),
            of(2, of(AVERAGE_CADENCE, UINT16, 1)),
            of(3, of(ELEVATION_GAIN, UINT16, 1)),
            energy(4),
            heartRate(5),
            met(6),
            elapsed(7),
            remaining(8)), List.of());

    /** Stair Climber Data 0x2AD0 (ble-gatt.md §2.6). */
    public static final FtmsLayout STAIR_CLIMBER = new FtmsLayout("stair_climber", 2, List.of(
            of(0, of(FLOORS, UINT16, 1)),
            of(1, of(CADENCE, UINT16, 1)),
            of(2, of(AVERAGE_CADENCE, UINT16, 1)),
            of(3, of(ELEVATION_GAIN, UINT16, 1)),
            of(4, of(STRIDE_COUNT, UINT16, 1)),
            energy(5),
            heartRate(6),
            met(7),
            elapsed(8),
            remaining(9)), List.of());

    private FtmsLayouts() {
    }
}
