package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds Treadmill Data 0x2ACD values (ble-gatt.md §2.2) for the floor simulator and tests.
 *
 * <p>Every component of {@link TreadmillData} may be null, meaning "not sent"; the flags follow from
 * which values are given. Values are rounded to the field's resolution.
 */
public final class TreadmillDataEncoder {

    /**
     * The values a simulated machine reports in one notification.
     *
     * @param speedKmh instantaneous speed, km/h (0.01)
     * @param averageSpeedKmh average speed, km/h (0.01)
     * @param distanceM total distance, m (uint24)
     * @param inclinationPercent inclination, % (0.1)
     * @param rampAngleDegrees ramp angle setting, degrees (0.1)
     * @param elevationGainM positive elevation gain, m (0.1)
     * @param negativeElevationGainM negative elevation gain, m (0.1)
     * @param paceSPerKm instantaneous pace, s/km (sent as 0.1 km/min, so coarse)
     * @param averagePaceSPerKm average pace, s/km (sent as 0.1 km/min)
     * @param totalKcal total energy, kcal
     * @param kcalPerHour energy per hour, kcal/h
     * @param kcalPerMinute energy per minute, kcal/min
     * @param heartRateBpm heart rate from a paired strap, bpm (uint8)
     * @param metabolicEquivalent MET (0.1)
     * @param elapsedTimeS elapsed time, s
     * @param remainingTimeS remaining time, s
     * @param forceOnBeltN force on belt, N (sint16)
     * @param powerW power output, W (sint16)
     */
    public record TreadmillData(
            Double speedKmh,
            Double averageSpeedKmh,
            Integer distanceM,
            Double inclinationPercent,
            Double rampAngleDegrees,
            Double elevationGainM,
            Double negativeElevationGainM,
            Double paceSPerKm,
            Double averagePaceSPerKm,
            Integer totalKcal,
            Integer kcalPerHour,
            Integer kcalPerMinute,
            Integer heartRateBpm,
            Double metabolicEquivalent,
            Integer elapsedTimeS,
            Integer remainingTimeS,
            Integer forceOnBeltN,
            Integer powerW) {
    }

    private static final FtmsDataEncoder ENCODER = new FtmsDataEncoder(FtmsLayouts.TREADMILL);

    private TreadmillDataEncoder() {
    }

    /**
     * Encodes one notification.
     *
     * @throws IllegalArgumentException when a value does not fit its field
     */
    public static byte[] encode(TreadmillData v) {
        Map<ReadingType, Double> m = new EnumMap<>(ReadingType.class);
        put(m, ReadingType.SPEED, v.speedKmh());
        put(m, ReadingType.AVERAGE_SPEED, v.averageSpeedKmh());
        put(m, ReadingType.DISTANCE, v.distanceM());
        put(m, ReadingType.INCLINATION, v.inclinationPercent());
        put(m, ReadingType.RAMP_ANGLE, v.rampAngleDegrees());
        put(m, ReadingType.ELEVATION_GAIN, v.elevationGainM());
        put(m, ReadingType.NEGATIVE_ELEVATION_GAIN, v.negativeElevationGainM());
        put(m, ReadingType.PACE, v.paceSPerKm());
        put(m, ReadingType.AVERAGE_PACE, v.averagePaceSPerKm());
        put(m, ReadingType.CALORIES, v.totalKcal());
        put(m, ReadingType.ENERGY_PER_HOUR, v.kcalPerHour());
        put(m, ReadingType.ENERGY_PER_MINUTE, v.kcalPerMinute());
        put(m, ReadingType.HEART_RATE, v.heartRateBpm());
        put(m, ReadingType.METABOLIC_EQUIVALENT, v.metabolicEquivalent());
        put(m, ReadingType.ELAPSED_TIME, v.elapsedTimeS());
        put(m, ReadingType.REMAINING_TIME, v.remainingTimeS());
        put(m, ReadingType.FORCE_ON_BELT, v.forceOnBeltN());
        put(m, ReadingType.POWER, v.powerW());
        return ENCODER.encode(m);
    }

    private static void put(Map<ReadingType, Double> m, ReadingType type, Number value) {
        if (value != null) {
            m.put(type, value.doubleValue());
        }
    }
}
