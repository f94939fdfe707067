package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeartRateZonesTest {

    private final HeartRateZones zones = HeartRateZones.defaults();

    // training-science.md §3: Polar / Garmin / Myzone bounds 50/60/70/80/90 % HRmax.
    @Test
    void defaultBoundsFollowTheCommonFiveZoneModel() {
        assertThat(zones.lowerBoundsPercent()).containsExactly(50.0, 60.0, 70.0, 80.0, 90.0);
        assertThat(zones.colours()).extracting(ZoneColour::name)
                .containsExactly("grey", "blue", "green", "yellow", "red");
        assertThat(zones.colours()).extracting(ZoneColour::hex).allMatch(h -> h.matches("#[0-9A-F]{6}"));
    }

    // training-science.md §3: boundary ownership must be decided; each lower bound belongs to its zone.
    @Test
    void lowerBoundBelongsToItsZone() {
        double max = 200;
        assertThat(zones.zoneFor(99, max)).isZero();   // 49.5 %
        assertThat(zones.zoneFor(100, max)).isEqualTo(1);
        assertThat(zones.zoneFor(119, max)).isEqualTo(1);
        assertThat(zones.zoneFor(120, max)).isEqualTo(2);
        assertThat(zones.zoneFor(140, max)).isEqualTo(3);
        assertThat(zones.zoneFor(160, max)).isEqualTo(4);
        assertThat(zones.zoneFor(179, max)).isEqualTo(4);
        assertThat(zones.zoneFor(180, max)).isEqualTo(5);
        assertThat(zones.zoneFor(215, max)).isEqualTo(5); // above HRmax stays zone 5
        assertThat(zones.zoneForFraction(0.6)).isEqualTo(2);
    }

    @Test
    void belowZoneOneHasNoColourAndUnknownMaxIsZoneZero() {
        assertThat(zones.colour(0)).isEmpty();
        assertThat(zones.colour(6)).isEmpty();
        assertThat(zones.colour(5)).contains(ZoneColour.RED);
        assertThat(zones.zoneFor(150, Double.NaN)).isZero();
    }

    // training-science.md §3, Orangetheory row: 50 / 61 / 71 / 84 / 92 % with an orange zone 4.
    @Test
    void customBoundsAndColoursAreHonoured() {
        HeartRateZones otf = HeartRateZones.of(List.of(50.0, 61.0, 71.0, 84.0, 92.0), List.of(
                ZoneColour.GREY, ZoneColour.BLUE, ZoneColour.GREEN, new ZoneColour("orange", "#FB8C00"), ZoneColour.RED));
        assertThat(otf.zoneForFraction(0.60)).isEqualTo(1);
        assertThat(otf.zoneForFraction(0.61)).isEqualTo(2);
        assertThat(otf.zoneForFraction(0.83)).isEqualTo(3);
        assertThat(otf.zoneForFraction(0.84)).isEqualTo(4);
        assertThat(otf.colour(4).orElseThrow().name()).isEqualTo("orange");
        assertThat(otf.lowerBoundPercent(5)).isEqualTo(92.0);
    }

    @Test
    void malformedModelsAreRejected() {
        List<ZoneColour> five = HeartRateZones.defaults().colours();
        assertThatThrownBy(() -> HeartRateZones.of(List.of(50.0, 60.0, 60.0, 80.0, 90.0), five))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeartRateZones.of(List.of(50.0, 60.0, 70.0, 80.0), five))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneColour("red", "red")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentOfHrMaxIsHeartRateOverMax() {
        assertThat(HeartRateZones.percentOfHrMax(153, 180)).isEqualTo(85.0);
        assertThat(HeartRateZones.percentOfHrMax(153, Double.NaN)).isNaN();
    }

    @Test
    void zoneNeverDecreasesAsHeartRateRises() {
        qt().forAll(integers().between(20, 299), doubles().between(120, 230))
                .checkAssert((hr, max) -> {
                    assertThat(zones.zoneFor(hr + 1, max)).isGreaterThanOrEqualTo(zones.zoneFor(hr, max));
                    assertThat(zones.zoneFor(hr, max)).isBetween(0, 5);
                });
    }
}
