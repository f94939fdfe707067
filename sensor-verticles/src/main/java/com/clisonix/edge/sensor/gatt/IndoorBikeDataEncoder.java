package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds Indoor Bike Data 0x2AD2 values (ble-gatt.md §2.1) for the floor simulator and tests.
 *
 * <p>Every component of {@link IndoorBikeData} may be null, meaning "not sent"; the flags follow from
 * which values are given. Values are rounded to the field's resolution.
 */
public final class IndoorBikeDataEncoder {

    /**
     * The values a simulated machine reports in one notification.
     *
     * @param speedKmh instantaneous speed, km/h (0.01)
     * @param averageSpeedKmh average speed, km/h (0.01)
     * @param cadenceRpm instantaneous cadence, rpm (0.5)
     * @param averageCadenceRpm average cadence, rpm (0.5)
     * @param distanceM total distance, m (uint24)
     * @param resistanceLevel resistance level (sint16)
     * @param powerW instantaneous power, W (sint16)
     * @param averagePowerW average power, W (sint16)
     * @param totalKcal total energy, kcal
     * @param kcalPerHour energy per hour, kcal/h
     * @param kcalPerMinute energy per minute, kcal/min
     * @param heartRateBpm heart rate from a paired strap, bpm (uint8)
     * @param metabolicEquivalent MET (0.1)
     * @param elapsedTimeS elapsed time, s
     * @param remainingTimeS remaining time, s
     */
    public record IndoorBikeData(
            Double speedKmh,
            Double averageSpeedKmh,
            Double cadenceRpm,
            Double averageCadenceRpm,
            Integer distanceM,
            Integer resistanceLevel,
            Integer powerW,
            Integer averagePowerW,
            Integer totalKcal,
            Integer kcalPerHour,
            Integer kcalPerMinute,
            Integer heartRateBpm,
            Double metabolicEquivalent,
            Integer elapsedTimeS,
            Integer remainingTimeS) {
    }

    private static final FtmsDataEncoder ENCODER = new FtmsDataEncoder(FtmsLayouts.INDOOR_BIKE);

    private IndoorBikeDataEncoder() {
    }

    /**
     * Encodes one notification.
     *
     * @throws IllegalArgumentException when a value does not fit its field
     */
    public static byte[] encode(IndoorBikeData v) {
        Map<ReadingType, Double> m = new EnumMap<>(ReadingType.class);
        put(m, ReadingType.SPEED, v.speedKmh());
        put(m, ReadingType.AVERAGE_SPEED, v.averageSpeedKmh());
        put(m, ReadingType.CADENCE, v.cadenceRpm());
        put(m, ReadingType.AVERAGE_CADENCE, v.averageCadenceRpm());
        put(m, ReadingType.DISTANCE, v.distanceM());
        put(m, ReadingType.RESISTANCE, v.resistanceLevel());
        put(m, ReadingType.POWER, v.powerW());
        put(m, ReadingType.AVERAGE_POWER, v.averagePowerW());
        put(m, ReadingType.CALORIES, v.totalKcal());
        put(m, ReadingType.ENERGY_PER_HOUR, v.kcalPerHour());
        put(m, ReadingType.ENERGY_PER_MINUTE, v.kcalPerMinute());
        put(m, ReadingType.HEART_RATE, v.heartRateBpm());
        put(m, ReadingType.METABOLIC_EQUIVALENT, v.metabolicEquivalent());
        put(m, ReadingType.ELAPSED_TIME, v.elapsedTimeS());
        put(m, ReadingType.REMAINING_TIME, v.remainingTimeS());
        return ENCODER.encode(m);
    }

    private static void put(Map<ReadingType, Double> m, ReadingType type, Number value) {
        if (value != null) {
            m.put(type, value.doubleValue());
        }
    }
}
