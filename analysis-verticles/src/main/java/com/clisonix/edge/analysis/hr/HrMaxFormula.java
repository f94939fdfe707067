package com.clisonix.edge.analysis.hr;

/**
 * Age-based estimates of maximum heart rate, all of the linear form {@code a - b * age}.
 *
 * <p>Every estimate carries a standard error of several bpm for an individual, which is why a
 * measured (or automatically raised, see {@link HrMaxRaiseDetector}) value always wins over an
 * estimate in {@link HrMaxCalculator}. {@link #TANAKA} is the product default: it was derived
 * from a large meta-analysis and does not share the known bias of {@link #FOX} at older ages.
 */
public enum HrMaxFormula {

    /** 208 - 0.7 age. Tanaka, Monahan &amp; Seals, J Am Coll Cardiol 2001;37:153-156. */
    TANAKA(208.0, 0.7, "Tanaka, Monahan & Seals, J Am Coll Cardiol 2001;37:153-156"),

    /**
     * 220 - age. Fox, Naughton &amp; Haskell 1971. Kept because members and other devices quote
     * it; Robergs &amp; Landwehr (JEPonline 2002;5(2):1-10) showed it has no sound derivation.
     */
    FOX(220.0, 1.0, "Fox, Naughton & Haskell 1971 (critique: Robergs & Landwehr, JEPonline 2002;5(2):1-10)"),

    /**
     * 207 - 0.7 age, the rounded linear form of Gellish et al., Med Sci Sports Exerc
     * 2007;39(5):822-829 (longitudinal data, 132 people, 908 tests).
     */
    GELLISH(207.0, 0.7, "Gellish et al., Med Sci Sports Exerc 2007;39(5):822-829"),

    /**
     * 211 - 0.64 age. Nes et al. 2013, the HUNT Fitness Study (Scand J Med Sci Sports); the
     * default used by Myzone today.
     */
    HUNT(211.0, 0.64, "Nes et al. 2013, HUNT Fitness Study; Myzone default"),

    /**
     * 206.3 - 0.711 age. Londeree &amp; Moeschberger (Res Q Exerc Sport 1982); Myzone's former
     * default, offered so that imported histories can be recomputed consistently.
     */
    LONDEREE(206.3, 0.711, "Londeree & Moeschberger 1982; former Myzone default");

    private final double intercept;
    private final double slopePerYear;
    private final String source;

    HrMaxFormula(double intercept, double slopePerYear, String source) {
        this.intercept = intercept;
        this.slopePerYear = slopePerYear;
        this.source = source;
    }

    /**
     * The estimated maximum heart rate in bpm for the given age in years; NaN propagates so a
     * missing age yields NaN rather than a number for a newborn.
     */
    public double estimate(double ageYears) {
        return intercept - slopePerYear * ageYears;
    }

    /** The bpm value at age zero ({@code a} in {@code a - b * age}). */
    public double intercept() {
        return intercept;
    }

    /** The bpm lost per year of age ({@code b} in {@code a - b * age}). */
    public double slopePerYear() {
        return slopePerYear;
    }

    /** Bibliographic source of the formula, for display and documentation. */
    public String source() {
        return source;
    }
}
