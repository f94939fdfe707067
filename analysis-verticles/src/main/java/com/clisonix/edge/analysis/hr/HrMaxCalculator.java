package com.clisonix.edge.analysis.hr;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides which maximum heart rate applies to an athlete.
 *
 * <p>Policy: a plausible profile value (measured in a test, entered by a coach, or raised by
 * {@link HrMaxRaiseDetector} after an earlier workout) always wins, because every age formula has
 * an individual error of several bpm (training-science reference §1). Only when the profile has no
 * usable value is the configured formula applied to the athlete's age. Without either there is no
 * HRmax, and everything that depends on it (zones, %HRmax, the calorie floor) reports "unknown"
 * rather than guessing an age.
 */
public final class HrMaxCalculator {

    private final HrMaxFormula formula;

    /** A calculator estimating with {@link HrMaxFormula#TANAKA}. */
    public HrMaxCalculator() {
        this(HrMaxFormula.TANAKA);
    }

    public HrMaxCalculator(HrMaxFormula formula) {
        this.formula = Objects.requireNonNull(formula, "formula");
    }

    /** The formula used for estimates. */
    public HrMaxFormula formula() {
        return formula;
    }

    /**
     * The HRmax in effect for the profile: its own value when plausible, else the estimate from
     * age, else empty.
     */
    public Optional<HrMax> resolve(AthleteProfile profile) {
        if (profile == null) {
            return Optional.empty();
        }
        double measured = profile.maxHrOrNaN();
        if (!Double.isNaN(measured)) {
            return Optional.of(HrMax.measured(measured));
        }
        double age = profile.ageOrNaN();
        if (Double.isNaN(age)) {
            return Optional.empty();
        }
        return Optional.of(HrMax.estimated(formula.estimate(age), formula));
    }

    /**
     * The formula estimate for an age in years, or empty when the age is missing or outside the
     * plausible range {@value AthleteProfile#MIN_AGE}-{@value AthleteProfile#MAX_AGE}.
     */
    public Optional<HrMax> estimate(Integer age) {
        return resolve(new AthleteProfile(age, null, null, null, null));
    }
}
