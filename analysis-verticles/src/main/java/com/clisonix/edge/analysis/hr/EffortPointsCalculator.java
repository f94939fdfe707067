package com.clisonix.edge.analysis.hr;

import java.util.List;
import java.util.Objects;

/**
 * Effort points earned per minute in each zone, and the "high zone" threshold used for
 * Orangetheory-style minutes.
 *
 * <p>The default table 1 / 2 / 3 / 4 / 4 points per minute in zones 1-5 follows Myzone Effort
 * Points (MEPs; as reported by fitro.info, a secondary source, training-science reference §5). The
 * top two zones earn the same on purpose: the system rewards sustained work, not maximal spikes.
 * Zone 0 (below the training zones) earns nothing. Points accrue pro rata per second, so 30 s in
 * zone 3 earns 1.5 points; the caller rounds for display.
 *
 * <p>"Minutes in the high zone" counts time at or above 84 % HRmax (default), the lower bound of
 * Orangetheory's orange zone, where one "splat point" is earned per minute (same reference §5).
 * Immutable and thread-safe.
 */
public final class EffortPointsCalculator {

    /** Default points per minute in zones 1-5. */
    public static final List<Double> DEFAULT_POINTS_PER_MINUTE = List.of(1.0, 2.0, 3.0, 4.0, 4.0);
    /** Default high-zone threshold as a fraction of HRmax. */
    public static final double DEFAULT_HIGH_ZONE_FRACTION = 0.84;

    private static final EffortPointsCalculator DEFAULTS = new EffortPointsCalculator(DEFAULT_POINTS_PER_MINUTE);

    private final double[] perMinute = new double[HeartRateZones.ZONE_COUNT + 1];
    private final List<Double> perMinuteList;

    private EffortPointsCalculator(List<Double> pointsPerMinute) {
        Objects.requireNonNull(pointsPerMinute, "pointsPerMinute");
        if (pointsPerMinute.size() != HeartRateZones.ZONE_COUNT) {
            throw new IllegalArgumentException("need points for exactly " + HeartRateZones.ZONE_COUNT + " zones");
        }
        for (int i = 0; i < HeartRateZones.ZONE_COUNT; i++) {
            Double points = pointsPerMinute.get(i);
            if (points == null || !(points >= 0) || points.isInfinite()) {
                throw new IllegalArgumentException("points per minute must be finite and >= 0: " + pointsPerMinute);
            }
            perMinute[i + 1] = points;
        }
        this.perMinuteList = List.copyOf(pointsPerMinute);
    }

    /** The default table (1/2/3/4/4). */
    public static EffortPointsCalculator defaults() {
        return DEFAULTS;
    }

    /** A custom table: points per minute for zones 1-5. */
    public static EffortPointsCalculator of(List<Double> pointsPerMinute) {
        return new EffortPointsCalculator(pointsPerMinute);
    }

    /** Points per minute for a zone; 0 for zone 0 or an out-of-range zone. */
    public double pointsPerMinute(int zone) {
        return zone >= 1 && zone <= HeartRateZones.ZONE_COUNT ? perMinute[zone] : 0.0;
    }

    /** Points earned by spending {@code seconds} in {@code zone}. */
    public double pointsFor(int zone, double seconds) {
        return pointsPerMinute(zone) * seconds / 60.0;
    }

    /** The table, zone 1 first. */
    public List<Double> table() {
        return perMinuteList;
    }

    /** Whether a heart rate counts toward high-zone minutes ({@code HR >= threshold * HRmax}). */
    public static boolean isHighZone(double heartRate, double hrMax, double thresholdFraction) {
        return hrMax > 0 && heartRate >= thresholdFraction * hrMax;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffortPointsCalculator other && perMinuteList.equals(other.perMinuteList);
    }

    @Override
    public int hashCode() {
        return perMinuteList.hashCode();
    }

    @Override
    public String toString() {
        return "EffortPointsCalculator" + perMinuteList;
    }
}
