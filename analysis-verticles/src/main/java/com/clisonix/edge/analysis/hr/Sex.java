package com.clisonix.edge.analysis.hr;

/**
 * The sex used to pick sex-specific coefficients (Keytel energy equations, Banister TRIMP
 * weighting).
 *
 * <p>Profiles carry {@code gender} as {@code M}, {@code F} or {@code X}. {@code X} (undisclosed or
 * other) and a missing value both map to {@link #UNSPECIFIED}; formulas then use the mean of the
 * male and female results, so nobody is forced into either equation.
 */
public enum Sex {
    MALE,
    FEMALE,
    UNSPECIFIED;

    /**
     * Maps a profile's {@code gender} code to a sex. Only the exact codes {@code M} and {@code F}
     * (ignoring case and surrounding blanks) select a sex-specific equation; anything else,
     * including {@code null}, is {@link #UNSPECIFIED}.
     */
    public static Sex fromGender(String gender) {
        if (gender == null) {
            return UNSPECIFIED;
        }
        String code = gender.strip();
        if (code.equalsIgnoreCase("M")) {
            return MALE;
        }
        if (code.equalsIgnoreCase("F")) {
            return FEMALE;
        }
        return UNSPECIFIED;
    }
}
