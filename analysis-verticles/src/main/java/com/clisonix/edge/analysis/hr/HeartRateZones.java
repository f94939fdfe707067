package com.clisonix.edge.analysis.hr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-zone model expressed as lower bounds in percent of HRmax, with a colour per zone.
 *
 * <p>The default (50 / 60 / 70 / 80 / 90 % HRmax, grey / blue / green / yellow / red) is the
 * model shared by Polar, Garmin and Myzone (training-science reference §3); other gyms can
 * configure, for example, Orangetheory-like bounds (50 / 61 / 71 / 84 / 92).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Each lower bound belongs to its own zone: exactly 60 % of HRmax is zone 2, 59.99 % is
 *       zone 1. Anything at or above the zone 5 bound, including above 100 %, is zone 5.</li>
 *   <li>Below the zone 1 bound the athlete is in <b>zone 0</b>, meaning "below the training
 *       zones" (resting, warming up). It has no colour, earns no effort points and is published
 *       as a {@code null} zone; keeping it as a number lets the session count its seconds
 *       without boxing.</li>
 *   <li>Zones are always %HRmax, never %HRR (see {@link KarvonenCalculator} for reserve-based
 *       numbers), so the two quantities are never confused on screen.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class HeartRateZones {

    /** Number of training zones (zone 0, below them, is not counted). */
    public static final int ZONE_COUNT = 5;

    private static final List<Double> DEFAULT_BOUNDS_PERCENT = List.of(50.0, 60.0, 70.0, 80.0, 90.0);
    private static final List<ZoneColour> DEFAULT_COLOURS =
            List.of(ZoneColour.GREY, ZoneColour.BLUE, ZoneColour.GREEN, ZoneColour.YELLOW, ZoneColour.RED);
    private static final HeartRateZones DEFAULTS = new HeartRateZones(DEFAULT_BOUNDS_PERCENT, DEFAULT_COLOURS);

    private final double[] lowerFractions = new double[ZONE_COUNT];
    private final List<Double> lowerPercents;
    private final List<ZoneColour> colours;

    private HeartRateZones(List<Double> lowerBoundsPercent, List<ZoneColour> colours) {
        Objects.requireNonNull(lowerBoundsPercent, "lowerBoundsPercent");
        Objects.requireNonNull(colours, "colours");
        if (lowerBoundsPercent.size() != ZONE_COUNT || colours.size() != ZONE_COUNT) {
            throw new IllegalArgumentException("need exactly " + ZONE_COUNT + " bounds and colours");
        }
        double previous = 0;
        for (int i = 0; i < ZONE_COUNT; i++) {
            Double bound = lowerBoundsPercent.get(i);
            if (bound == null || !(bound > previous) || bound > 100.0) {
                throw new IllegalArgumentException(
                        "zone bounds must be strictly increasing percentages in (0, 100]: " + lowerBoundsPercent);
            }
            lowerFractions[i] = bound / 100.0;
            previous = bound;
        }
        this.lowerPercents = List.copyOf(lowerBoundsPercent);
        this.colours = List.copyOf(colours);
    }

    /** The default model: 50/60/70/80/90 % HRmax, grey/blue/green/yellow/red. */
    public static HeartRateZones defaults() {
        return DEFAULTS;
    }

    /**
     * A custom model.
     *
     * @param lowerBoundsPercent five strictly increasing lower bounds in percent of HRmax
     * @param colours            five colours, zone 1 first
     * @throws IllegalArgumentException for a malformed configuration
     */
    public static HeartRateZones of(List<Double> lowerBoundsPercent, List<ZoneColour> colours) {
        return new HeartRateZones(lowerBoundsPercent, colours);
    }

    /** The same bounds with other colours. */
    public HeartRateZones withColours(List<ZoneColour> newColours) {
        return new HeartRateZones(lowerPercents, newColours);
    }

    /**
     * The zone (0-5) for a heart rate given as a fraction of HRmax (0.75 = 75 %). NaN, i.e. an
     * unknown HRmax, gives zone 0.
     */
    public int zoneForFraction(double fractionOfHrMax) {
        int zone = 0;
        for (int i = 0; i < ZONE_COUNT; i++) {
            if (fractionOfHrMax >= lowerFractions[i]) {
                zone = i + 1;
            }
        }
        return zone;
    }

    /** The zone (0-5) for a heart rate and HRmax in bpm. */
    public int zoneFor(double heartRate, double hrMax) {
        return zoneForFraction(heartRate / hrMax);
    }

    /** The lower bound of a zone (1-5) in percent of HRmax. */
    public double lowerBoundPercent(int zone) {
        checkZone(zone);
        return lowerPercents.get(zone - 1);
    }

    /** The lower bound of a zone (1-5) as a fraction of HRmax. */
    public double lowerBoundFraction(int zone) {
        checkZone(zone);
        return lowerFractions[zone - 1];
    }

    /** All five lower bounds in percent, zone 1 first. */
    public List<Double> lowerBoundsPercent() {
        return lowerPercents;
    }

    /** All five colours, zone 1 first. */
    public List<ZoneColour> colours() {
        return colours;
    }

    /** The colour of a zone; empty for zone 0 or an out-of-range number. */
    public Optional<ZoneColour> colour(int zone) {
        if (zone < 1 || zone > ZONE_COUNT) {
            return Optional.empty();
        }
        return Optional.of(colours.get(zone - 1));
    }

    /** Heart rate as percent of HRmax ({@code 100 * HR / HRmax}); NaN when HRmax is unknown. */
    public static double percentOfHrMax(double heartRate, double hrMax) {
        if (!(hrMax > 0)) {
            return Double.NaN;
        }
        return 100.0 * heartRate / hrMax;
    }

    private static void checkZone(int zone) {
        if (zone < 1 || zone > ZONE_COUNT) {
            throw new IllegalArgumentException("zone must be 1-" + ZONE_COUNT + ": " + zone);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeartRateZones other
                && lowerPercents.equals(other.lowerPercents)
                && colours.equals(other.colours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lowerPercents, colours);
    }

    @Override
    public String toString() {
        return "HeartRateZones" + lowerPercents + colours;
    }
}
