package com.clisonix.edge.music.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TempoSettingsTest {

    @Test
    void nullFieldsTakeTheContractDefaults() {
        // CONTRACT.md §4: defaults intensity, house, 90-160 bpm
        SettingsValidation result = TempoSettings.validate((String) null, null, null, null, null);
        assertThat(result).isInstanceOf(SettingsValidation.Valid.class);
        TempoSettings settings = ((SettingsValidation.Valid) result).settings();
        assertThat(settings).isEqualTo(TempoSettings.DEFAULTS);
        assertThat(settings.mode()).isEqualTo(TempoMode.INTENSITY);
        assertThat(settings.style()).isEqualTo(MusicStyle.HOUSE);
        assertThat(settings.minBpm()).isEqualTo(90.0);
        assertThat(settings.maxBpm()).isEqualTo(160.0);
    }

    @Test
    void acceptsAFullManualUpdate() {
        SettingsValidation result = TempoSettings.validate("manual", "hip_hop", 100.0, 140.0, 128.0);
        assertThat(result).isEqualTo(new SettingsValidation.Valid(new TempoSettings(
                TempoMode.MANUAL, MusicStyle.HIP_HOP, 100, 140, OptionalDouble.of(128))));
    }

    @Test
    void namesAreCaseInsensitive() {
        SettingsValidation result = TempoSettings.validate(" Cadence ", "ROCK", null, null, null);
        assertThat(((SettingsValidation.Valid) result).settings().mode()).isEqualTo(TempoMode.CADENCE);
        assertThat(((SettingsValidation.Valid) result).settings().style()).isEqualTo(MusicStyle.ROCK);
    }

    @Test
    void unknownModeAndStyleAreNamed() {
        SettingsValidation result = TempoSettings.validate("random", "polka", null, null, null);
        assertThat(result).isInstanceOf(SettingsValidation.Invalid.class);
        SettingsValidation.Invalid invalid = (SettingsValidation.Invalid) result;
        assertThat(invalid.names("mode")).isTrue();
        assertThat(invalid.names("style")).isTrue();
        assertThat(invalid.errors()).hasSize(2);
        assertThat(invalid.errors().toString()).contains("random").contains("polka");
    }

    @Test
    void boundsOutsideFortyToTwoFortyAreRejected() {
        assertNames(TempoSettings.validate("intensity", "house", 39.0, 160.0, null), "min_bpm");
        assertNames(TempoSettings.validate("intensity", "house", 90.0, 241.0, null), "max_bpm");
        assertNames(TempoSettings.validate("intensity", "house", Double.NaN, 160.0, null), "min_bpm");
        assertThat(TempoSettings.validate("intensity", "house", 40.0, 240.0, null))
                .isInstanceOf(SettingsValidation.Valid.class);
    }

    @Test
    void minMustBeBelowMax() {
        assertNames(TempoSettings.validate("intensity", "house", 150.0, 150.0, null), "min_bpm");
        assertNames(TempoSettings.validate("intensity", "house", 151.0, 150.0, null), "min_bpm");
    }

    @Test
    void manualModeNeedsATempoInsideTheBounds() {
        assertNames(TempoSettings.validate("manual", "house", null, null, null), "bpm");
        assertNames(TempoSettings.validate("manual", "house", 90.0, 160.0, 170.0), "bpm");
        assertNames(TempoSettings.validate("manual", "house", 90.0, 160.0, 20.0), "bpm");
        // other modes keep a remembered manual tempo, but it must still be sensible
        assertNames(TempoSettings.validate("intensity", "house", 90.0, 160.0, 200.0), "bpm");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        SettingsValidation.Invalid invalid = (SettingsValidation.Invalid)
                TempoSettings.validate("fast", "polka", 10.0, 300.0, null);
        assertThat(invalid.errors()).extracting(SettingsError::field)
                .containsExactlyInAnyOrder("mode", "style", "min_bpm", "max_bpm");
    }

    @Test
    void partialUpdateKeepsTheCurrentValues() {
        TempoSettings current = ((SettingsValidation.Valid)
                TempoSettings.validate("intensity", "rock", 100.0, 150.0, null)).settings();
        SettingsValidation result = current.update("manual", null, null, null, 128.0);
        assertThat(result).isEqualTo(new SettingsValidation.Valid(new TempoSettings(
                TempoMode.MANUAL, MusicStyle.ROCK, 100, 150, OptionalDouble.of(128))));
        // the manual tempo must still fit the kept bounds
        assertNames(current.update("manual", null, null, null, 155.0), "bpm");
        // a typed update without a manual tempo is fine outside manual mode
        assertThat(TempoSettings.validate(TempoMode.CADENCE, MusicStyle.HOUSE, 90, 160, null))
                .isInstanceOf(SettingsValidation.Valid.class);
    }

    @Test
    void typedWithersValidateToo() {
        assertThat(TempoSettings.DEFAULTS.withManualBpm(128)).isInstanceOf(SettingsValidation.Valid.class);
        assertNames(TempoSettings.DEFAULTS.withManualBpm(200), "bpm");
        assertNames(TempoSettings.DEFAULTS.withMode(TempoMode.MANUAL), "bpm");
    }

    @Test
    void constructorRefusesInvalidSettingsForCallerBugs() {
        assertThatThrownBy(() -> new TempoSettings(TempoMode.MANUAL, MusicStyle.HOUSE, 90, 160, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bpm");
    }

    @Test
    void wireNamesRoundTrip() {
        for (TempoMode mode : TempoMode.values()) {
            assertThat(TempoMode.fromWireName(mode.wireName())).contains(mode);
        }
        for (MusicStyle style : MusicStyle.values()) {
            assertThat(MusicStyle.fromWireName(style.wireName())).contains(style);
        }
        assertThat(MusicStyle.fromWireName("hip-hop")).contains(MusicStyle.HIP_HOP);
        assertThat(MusicStyle.fromWireName(null)).isEmpty();
    }

    private static void assertNames(SettingsValidation result, String field) {
        assertThat(result).isInstanceOf(SettingsValidation.Invalid.class);
        assertThat(((SettingsValidation.Invalid) result).names(field))
                .as("errors %s name %s", result, field).isTrue();
    }
}
