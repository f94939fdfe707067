package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds Rower Data 0x2AD1 values (ble-gatt.md §2.3) for the floor simulator and tests.
 *
 * <p>Every component of {@link RowerData} may be null, meaning "not sent"; the flags follow from
 * which values are given. Values are rounded to the field's resolution.
 */
public final class RowerDataEncoder {

    /**
     * The values a simulated machine reports in one notification.
     *
     * @param strokeRateSpm stroke rate, strokes/min (0.5)
     * @param strokeCount stroke count
     * @param averageStrokeRateSpm average stroke rate, strokes/min (0.5)
     * @param distanceM total distance, m (uint24)
     * @param paceSPer500m instantaneous pace, s/500 m
     * @param averagePaceSPer500m average pace, s/500 m
     * @param powerW instantaneous power, W (sint16)
     * @param averagePowerW average power, W (sint16)
     * @param resistanceLevel resistance level (sint16)
     * @param totalKcal total energy, kcal
     * @param kcalPerHour energy per hour, kcal/h
     * @param kcalPerMinute energy per minute, kcal/min
     * @param heartRateBpm heart rate from a paired strap, bpm (uint8)
     * @param metabolicEquivalent MET (0.1)
     * @param elapsedTimeS elapsed time, s
     * @param remainingTimeS remaining time, s
     */
    public record RowerData(
            Double strokeRateSpm,
            Integer strokeCount,
            Double averageStrokeRateSpm,
            Integer distanceM,
            Integer paceSPer500m,
            Integer averagePaceSPer500m,
            Integer powerW,
            Integer averagePowerW,
            Integer resistanceLevel,
            Integer totalKcal,
            Integer kcalPerHour,
            Integer kcalPerMinute,
            Integer heartRateBpm,
            Double metabolicEquivalent,
            Integer elapsedTimeS,
            Integer remainingTimeS) {
    }

    private static final FtmsDataEncoder ENCODER = new FtmsDataEncoder(FtmsLayouts.ROWER);

    private RowerDataEncoder() {
    }

    /**
     * Encodes one notification.
     *
     * @throws IllegalArgumentException when a value does not fit its field
     */
    public static byte[] encode(RowerData v) {
        Map<ReadingType, Double> m = new EnumMap<>(ReadingType.class);
        put(m, ReadingType.CADENCE, v.strokeRateSpm());
        put(m, ReadingType.STROKE_COUNT, v.strokeCount());
        put(m, ReadingType.AVERAGE_CADENCE, v.averageStrokeRateSpm());
        put(m, ReadingType.DISTANCE, v.distanceM());
        put(m, ReadingType.PACE, v.paceSPer500m());
        put(m, ReadingType.AVERAGE_PACE, v.averagePaceSPer500m());
        put(m, ReadingType.POWER, v.powerW());
        put(m, ReadingType.AVERAGE_POWER, v.averagePowerW());
        put(m, ReadingType.RESISTANCE, v.resistanceLevel());
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
