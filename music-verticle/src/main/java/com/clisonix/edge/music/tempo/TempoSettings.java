package com.clisonix.edge.music.tempo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a coach controls about the class music (CONTRACT.md §4, {@code PUT /fitness/music}).
 *
 * <p>Invariants: both bounds lie in {@value #ABSOLUTE_MIN_BPM}-{@value #ABSOLUTE_MAX_BPM} bpm,
 * {@code minBpm < maxBpm}, and a manual tempo, when present, lies inside the bounds; manual mode
 * requires one. Untrusted input goes through {@link #validate}, which returns the errors as
 * values; the canonical constructor enforces the same rules for code that builds settings
 * itself and throws {@link IllegalArgumentException} on a programming error.
 *
 * @param mode      how the tempo is chosen
 * @param style     the groove style for the work part of the class
 * @param minBpm    lowest tempo the planner may choose
 * @param maxBpm    highest tempo the planner may choose
 * @param manualBpm the coach's tempo; required in {@link TempoMode#MANUAL}, kept otherwise so a
 *                  switch back to manual remembers it
 */
public record TempoSettings(
        TempoMode mode, MusicStyle style, double minBpm, double maxBpm, OptionalDouble manualBpm) {

    /**
     * Lowest accepted bound. Below 40 bpm a four-beat bar lasts over 6 s and no groove reads as
     * a beat any more.
     */
    public static final double ABSOLUTE_MIN_BPM = 40;
    /** Highest accepted bound: Weav Run's adaptive range tops out at 240 bpm (midi.md §5). */
    public static final double ABSOLUTE_MAX_BPM = 240;
    public static final double DEFAULT_MIN_BPM = 90;
    public static final double DEFAULT_MAX_BPM = 160;

    /** The contract's defaults: intensity mode, house, 90-160 bpm, no manual tempo. */
    public static final TempoSettings DEFAULTS = new TempoSettings(
            TempoMode.INTENSITY, MusicStyle.HOUSE, DEFAULT_MIN_BPM, DEFAULT_MAX_BPM, OptionalDouble.empty());

    public TempoSettings {
        Objects.requireNonNull(manualBpm, "manualBpm");
        List<SettingsError> errors = check(mode, style, minBpm, maxBpm, manualBpm);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid tempo settings: " + errors);
        }
    }

    /**
     * Validates an update as it arrives from JSON: names are wire names, and a {@code null}
     * field takes its default (mode {@code intensity}, style {@code house}, 90-160 bpm, no manual
     * tempo). Every bad field is reported, not only the first.
     */
    public static SettingsValidation validate(
            String mode, String style, Double minBpm, Double maxBpm, Double manualBpm) {
        List<SettingsError> errors = new ArrayList<>();
        TempoMode parsedMode = TempoMode.INTENSITY;
        if (mode != null) {
            parsedMode = TempoMode.fromWireName(mode).orElse(null);
            if (parsedMode == null) {
                errors.add(new SettingsError("mode", "unknown mode '" + mode
                        + "'; expected intensity, cadence or manual"));
            }
        }
        MusicStyle parsedStyle = MusicStyle.HOUSE;
        if (style != null) {
            parsedStyle = MusicStyle.fromWireName(style).orElse(null);
            if (parsedStyle == null) {
                errors.add(new SettingsError("style", "unknown style '" + style
                        + "'; expected house, rock, hip_hop or ambient"));
            }
        }
        double min = minBpm == null ? DEFAULT_MIN_BPM : minBpm;
        double max = maxBpm == null ? DEFAULT_MAX_BPM : maxBpm;
        OptionalDouble manual = manualBpm == null ? OptionalDouble.empty() : OptionalDouble.of(manualBpm);
        // mode and style problems are already listed; check the numbers with stand-ins
        errors.addAll(check(parsedMode == null ? TempoMode.INTENSITY : parsedMode,
                parsedStyle == null ? MusicStyle.HOUSE : parsedStyle, min, max, manual));
        if (!errors.isEmpty()) {
            return new SettingsValidation.Invalid(errors);
        }
        return new SettingsValidation.Valid(new TempoSettings(parsedMode, parsedStyle, min, max, manual));
    }

    /** Typed variant of {@link #validate(String, String, Double, Double, Double)}. */
    public static SettingsValidation validate(
            TempoMode mode, MusicStyle style, double minBpm, double maxBpm, OptionalDouble manualBpm) {
        OptionalDouble manual = manualBpm == null ? OptionalDouble.empty() : manualBpm;
        List<SettingsError> errors = check(mode, style, minBpm, maxBpm, manual);
        if (!errors.isEmpty()) {
            return new SettingsValidation.Invalid(errors);
        }
        return new SettingsValidation.Valid(new TempoSettings(mode, style, minBpm, maxBpm, manual));
    }

    /**
     * Validates a partial update against these settings: a {@code null} field keeps its current
     * value instead of taking the default, so a coach can send only {@code {"bpm": 128,
     * "mode": "manual"}}.
     */
    public SettingsValidation update(String newMode, String newStyle, Double newMinBpm, Double newMaxBpm,
            Double newManualBpm) {
        return validate(newMode == null ? mode.wireName() : newMode,
                newStyle == null ? style.wireName() : newStyle,
                newMinBpm == null ? minBpm : newMinBpm,
                newMaxBpm == null ? maxBpm : newMaxBpm,
                newManualBpm != null ? newManualBpm
                        : manualBpm.isPresent() ? Double.valueOf(manualBpm.getAsDouble()) : null);
    }

    /** These settings with another mode; the result is validated like any other update. */
    public SettingsValidation withMode(TempoMode newMode) {
        return validate(newMode, style, minBpm, maxBpm, manualBpm);
    }

    /** These settings in manual mode at the given tempo. */
    public SettingsValidation withManualBpm(double bpm) {
        return validate(TempoMode.MANUAL, style, minBpm, maxBpm, OptionalDouble.of(bpm));
    }

    /** Clamps a tempo into these settings' bounds. */
    public double clamp(double bpm) {
        return Math.max(minBpm, Math.min(maxBpm, bpm));
    }

    private static List<SettingsError> check(
            TempoMode mode, MusicStyle style, double min, double max, OptionalDouble manual) {
        List<SettingsError> errors = new ArrayList<>();
        if (mode == null) {
            errors.add(new SettingsError("mode", "is required"));
        }
        if (style == null) {
            errors.add(new SettingsError("style", "is required"));
        }
        boolean minOk = checkRange("min_bpm", min, errors);
        boolean maxOk = checkRange("max_bpm", max, errors);
        if (minOk && maxOk && min >= max) {
            errors.add(new SettingsError("min_bpm", "must be below max_bpm (" + min + " >= " + max + ")"));
        }
        if (manual.isPresent()) {
            double bpm = manual.getAsDouble();
            if (checkRange("bpm", bpm, errors) && minOk && maxOk && (bpm < min || bpm > max)) {
                errors.add(new SettingsError("bpm", "must lie within min_bpm-max_bpm (" + min + "-" + max
                        + "), got " + bpm));
            }
        } else if (mode == TempoMode.MANUAL) {
            errors.add(new SettingsError("bpm", "is required in manual mode"));
        }
        return errors;
    }

    private static boolean checkRange(String field, double value, List<SettingsError> errors) {
        if (!Double.isFinite(value) || value < ABSOLUTE_MIN_BPM || value > ABSOLUTE_MAX_BPM) {
            errors.add(new SettingsError(field, "must be a number from " + (int) ABSOLUTE_MIN_BPM + " to "
                    + (int) ABSOLUTE_MAX_BPM + " bpm, got " + value));
            return false;
        }
        return true;
    }
}
