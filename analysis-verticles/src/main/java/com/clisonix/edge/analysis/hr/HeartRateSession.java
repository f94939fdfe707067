package com.clisonix.edge.analysis.hr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The heart-rate accumulator for one athlete's workout, owned by that athlete's session actor.
 *
 * <p>Each accepted sample updates, in constant time and without allocating: seconds per zone,
 * Keytel kcal above the floor, effort points, high-zone minutes, Banister and Edwards TRIMP,
 * time-weighted average / max / min heart rate, time above HRmax (for the safety alert) and the
 * HRmax raise detector. The formulas are those of {@link KeytelEnergyCalculator},
 * {@link EffortPointsCalculator}, {@link TrimpCalculator} and {@link HeartRateZones}; the
 * athlete-specific constants are worked out once in the constructor.
 *
 * <p><b>Time rule.</b> A sample stands for the interval that ends at it: its heart rate is credited
 * with the time since the previous accepted sample. That interval is capped at
 * {@link HeartRateConfig#maxSampleGapSeconds()} (default 5 s), so a strap that drops out for two
 * minutes adds at most 5 s rather than two minutes of "exercise" at whatever rate it last saw; a
 * capped interval also breaks the continuous runs used for the above-HRmax alert and the HRmax
 * raise. The first sample only sets the starting point. A sample whose time is not later than the
 * previous accepted one (replayed, duplicated or out of order) is ignored, as is a heart rate
 * outside 20-300 bpm (the range the decoders accept).
 *
 * <p><b>Unknowns.</b> Without an HRmax (no profile value and no age) there are no zones, points,
 * calories or TRIMP, only heart-rate statistics. Calories also need weight and age; Banister TRIMP
 * and %HRR need a resting heart rate. Unknown values are reported as {@code null}, never guessed.
 *
 * <p>Not thread-safe: one actor owns one session.
 */
public final class HeartRateSession {

    /** Lowest heart rate accepted, bpm. */
    public static final int MIN_BPM = 20;
    /** Highest heart rate accepted, bpm. */
    public static final int MAX_BPM = 300;

    private final HeartRateZones zones;
    private final EffortPointsCalculator effortPoints;
    private final Sex sex;
    private final Optional<HrMax> hrMax;
    private final double hrMaxBpm;
    private final double restingHr;
    private final boolean energyKnown;
    private final double energyInterceptKj;
    private final double energySlopeKj;
    private final double kcalFloorBpm;
    private final double highZoneBpm;
    private final double maxGapSeconds;
    private final HrMaxRaiseDetector raiseDetector;
    private final HrAboveMaxMonitor aboveMax;

    private final double[] zoneSeconds = new double[HeartRateZones.ZONE_COUNT + 1];
    private long samples;
    private long ignoredSamples;
    private long gaps;
    private long lastEpochMs;
    private int lastBpm;
    private int minBpm = Integer.MAX_VALUE;
    private int maxBpm = Integer.MIN_VALUE;
    private int currentZone;
    private double integratedSeconds;
    private double bpmSecondsSum;
    private double kcal;
    private double points;
    private double highZoneSeconds;
    private double banister;
    private double edwards;
    private boolean finished;

    public HeartRateSession(AthleteProfile profile, HeartRateConfig config) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(config, "config");
        this.zones = config.zones();
        this.effortPoints = config.effortPoints();
        this.sex = profile.sex();
        this.hrMax = new HrMaxCalculator(config.hrMaxFormula()).resolve(profile);
        this.hrMaxBpm = hrMax.map(HrMax::bpm).orElse(Double.NaN);
        this.restingHr = profile.restingHrOrNaN();
        double weight = profile.weightOrNaN();
        double age = profile.ageOrNaN();
        this.energyKnown = hrMax.isPresent() && !Double.isNaN(weight) && !Double.isNaN(age);
        this.energyInterceptKj = KeytelEnergyCalculator.interceptKj(sex, weight, age);
        this.energySlopeKj = KeytelEnergyCalculator.slopeKjPerBpm(sex);
        this.kcalFloorBpm = config.kcalFloorFraction() * hrMaxBpm;
        this.highZoneBpm = config.highZoneFraction() * hrMaxBpm;
        this.maxGapSeconds = config.maxSampleGapSeconds();
        this.raiseDetector = hrMax
                .map(m -> new HrMaxRaiseDetector(m.bpm(), config.raiseHoldSeconds(), config.maxRaiseBpm()))
                .orElse(null);
        this.aboveMax = hrMax.map(m -> new HrAboveMaxMonitor(m.bpm(), config.aboveMaxAlertSeconds())).orElse(null);
    }

    /** A session with {@link HeartRateConfig#defaults()}. */
    public HeartRateSession(AthleteProfile profile) {
        this(profile, HeartRateConfig.defaults());
    }

    /**
     * Adds one heart-rate sample.
     *
     * @param epochMs the sample's time in epoch milliseconds
     * @param bpm     the heart rate
     * @return {@code true} if the sample was used, {@code false} if it was ignored (out of range, not
     *         later than the previous sample, or the session has finished)
     */
    public boolean onSample(long epochMs, int bpm) {
        if (finished || bpm < MIN_BPM || bpm > MAX_BPM || (samples > 0 && epochMs <= lastEpochMs)) {
            ignoredSamples++;
            return false;
        }
        double elapsed = samples > 0 ? (epochMs - lastEpochMs) / 1000.0 : 0.0;
        boolean contiguous = elapsed <= maxGapSeconds;
        if (!contiguous) {
            gaps++;
        }
        double dt = contiguous ? elapsed : maxGapSeconds;
        samples++;
        lastEpochMs = epochMs;
        lastBpm = bpm;
        minBpm = Math.min(minBpm, bpm);
        maxBpm = Math.max(maxBpm, bpm);
        currentZone = zones.zoneForFraction(bpm / hrMaxBpm);
        if (samples > 1) {
            integrate(bpm, dt, contiguous);
        }
        return true;
    }

    private void integrate(int bpm, double dt, boolean contiguous) {
        double minutes = dt / 60.0;
        integratedSeconds += dt;
        bpmSecondsSum += bpm * dt;
        zoneSeconds[currentZone] += dt;
        if (hrMax.isEmpty()) {
            return;
        }
        points += effortPoints.pointsPerMinute(currentZone) * minutes;
        if (bpm >= highZoneBpm) {
            highZoneSeconds += dt;
        }
        if (energyKnown && bpm >= kcalFloorBpm) {
            double kj = energyInterceptKj + energySlopeKj * bpm;
            if (kj > 0) {
                kcal += kj * minutes / KeytelEnergyCalculator.KJ_PER_KCAL;
            }
        }
        edwards += TrimpCalculator.edwardsWeight(bpm / hrMaxBpm) * minutes;
        double x = TrimpCalculator.clampedReserveFraction(bpm, restingHr, hrMaxBpm);
        if (!Double.isNaN(x)) {
            banister += TrimpCalculator.banisterRate(sex, x) * minutes;
        }
        aboveMax.observe(bpm, dt, contiguous);
        raiseDetector.observe(bpm, dt, contiguous);
    }

    /**
     * Ends the workout: later samples are ignored, and the summary (with any proposed HRmax raise
     * for the caller to store) is returned. Calling it again returns the same figures.
     */
    public HeartRateSummary finish() {
        finished = true;
        List<Double> perZone = new ArrayList<>(zoneSeconds.length);
        for (double seconds : zoneSeconds) {
            perZone.add(seconds);
        }
        return new HeartRateSummary(
                samples,
                integratedSeconds,
                samples == 0 ? null : averageHeartRate(),
                samples == 0 ? null : maxBpm,
                samples == 0 ? null : minBpm,
                perZone,
                energyKnown ? kcal : null,
                points,
                highZoneSeconds / 60.0,
                banisterKnown() ? banister : null,
                hrMax.isPresent() ? edwards : null,
                secondsAboveHrMax(),
                raiseProposal());
    }

    /** The live values for {@code AthleteMetrics}. Allocates; meant for the 1 Hz publication. */
    public HeartRateSnapshot snapshot() {
        boolean haveSample = samples > 0;
        boolean haveMax = hrMax.isPresent();
        Integer zone = haveSample && currentZone > 0 ? currentZone : null;
        double pctHrr = KarvonenCalculator.percentOfReserve(lastBpm, restingHr, hrMaxBpm);
        return new HeartRateSnapshot(
                haveSample ? lastBpm : null,
                haveMax ? hrMaxBpm : null,
                hrMax.map(HrMax::source).orElse(null),
                haveSample && haveMax ? HeartRateZones.percentOfHrMax(lastBpm, hrMaxBpm) : null,
                haveSample && !Double.isNaN(pctHrr) ? pctHrr : null,
                zone,
                zone == null ? null : zones.colour(zone).orElse(null),
                energyKnown ? kcal : null,
                points,
                highZoneSeconds / 60.0,
                banisterKnown() ? banister : null,
                haveMax ? edwards : null,
                isAboveHrMaxAlert() ? List.of(HeartRateAlert.HR_ABOVE_MAX) : List.of());
    }

    private boolean banisterKnown() {
        return hrMax.isPresent() && hrMaxBpm - restingHr > 0;
    }

    /** The HRmax in effect for this workout (fixed at the start). */
    public Optional<HrMax> hrMax() {
        return hrMax;
    }

    /** The raise earned so far; to be stored when the workout ends. */
    public Optional<HrMaxRaise> raiseProposal() {
        return raiseDetector == null ? Optional.empty() : raiseDetector.proposal();
    }

    /** Whether HR has been above HRmax continuously for the configured alert time. */
    public boolean isAboveHrMaxAlert() {
        return aboveMax != null && aboveMax.isAlert();
    }

    /** Zone (0-5) of the last sample; 0 below zone 1, before the first sample or without HRmax. */
    public int currentZone() {
        return currentZone;
    }

    /** Last accepted heart rate, or 0 before the first sample. */
    public int lastHeartRate() {
        return lastBpm;
    }

    /** Seconds credited to a zone (0 = below zone 1). */
    public double zoneSeconds(int zone) {
        return zoneSeconds[zone];
    }

    /** kcal so far (0 when unknown; see {@link #snapshot()} for the nullable form). */
    public double kcal() {
        return kcal;
    }

    public double effortPoints() {
        return points;
    }

    public double minutesHighZone() {
        return highZoneSeconds / 60.0;
    }

    public double banisterTrimp() {
        return banister;
    }

    public double edwardsTrimp() {
        return edwards;
    }

    /** Time-weighted mean heart rate; the single sample's value before any time was credited. */
    public double averageHeartRate() {
        if (samples == 0) {
            return Double.NaN;
        }
        return integratedSeconds > 0 ? bpmSecondsSum / integratedSeconds : lastBpm;
    }

    public int maxHeartRate() {
        return samples == 0 ? 0 : maxBpm;
    }

    public int minHeartRate() {
        return samples == 0 ? 0 : minBpm;
    }

    public double integratedSeconds() {
        return integratedSeconds;
    }

    public double secondsAboveHrMax() {
        return aboveMax == null ? 0.0 : aboveMax.totalSeconds();
    }

    public long acceptedSamples() {
        return samples;
    }

    public long ignoredSamples() {
        return ignoredSamples;
    }

    /** Number of gaps longer than the configured maximum that were capped. */
    public long gaps() {
        return gaps;
    }
}
