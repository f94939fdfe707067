package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HrMaxCalculatorTest {

    // training-science.md §1: each formula evaluated by hand at age 40.
    @Test
    void formulasMatchTheirPublishedCoefficientsAtAge40() {
        assertThat(HrMaxFormula.TANAKA.estimate(40)).isCloseTo(180.0, within(1e-9));   // 208 - 0.7*40
        assertThat(HrMaxFormula.FOX.estimate(40)).isCloseTo(180.0, within(1e-9));      // 220 - 40
        assertThat(HrMaxFormula.GELLISH.estimate(40)).isCloseTo(179.0, within(1e-9));  // 207 - 0.7*40
        assertThat(HrMaxFormula.HUNT.estimate(40)).isCloseTo(185.4, within(1e-9));     // 211 - 0.64*40
        assertThat(HrMaxFormula.LONDEREE.estimate(40)).isCloseTo(177.86, within(1e-9)); // 206.3 - 0.711*40
    }

    // training-science.md §1: Fox and Tanaka cross at 40; Fox is lower for older members.
    @Test
    void foxUnderestimatesTanakaForOlderMembers() {
        assertThat(HrMaxFormula.FOX.estimate(60)).isEqualTo(160.0);
        assertThat(HrMaxFormula.TANAKA.estimate(60)).isCloseTo(166.0, within(1e-9));
    }

    @Test
    void everyFormulaNamesItsSource() {
        for (HrMaxFormula f : HrMaxFormula.values()) {
            assertThat(f.source()).isNotBlank();
        }
        assertThat(HrMaxFormula.TANAKA.source()).contains("Tanaka").contains("2001");
    }

    @Test
    void defaultCalculatorEstimatesWithTanaka() {
        Optional<HrMax> max = new HrMaxCalculator().resolve(new AthleteProfile(30, "M", 80.0, 60.0, null));
        assertThat(max).isPresent();
        assertThat(max.get().bpm()).isCloseTo(187.0, within(1e-9)); // 208 - 0.7*30
        assertThat(max.get().source()).isEqualTo(HrMaxSource.ESTIMATED);
        assertThat(max.get().formula()).contains(HrMaxFormula.TANAKA);
    }

    // training-science.md §1 last line: a measured value beats any estimate.
    @Test
    void profileValueWinsOverTheEstimate() {
        Optional<HrMax> max = new HrMaxCalculator(HrMaxFormula.HUNT)
                .resolve(new AthleteProfile(30, "F", 60.0, 55.0, 195.0));
        assertThat(max).contains(HrMax.measured(195.0));
        assertThat(max.get().source().wireName()).isEqualTo("measured");
    }

    @Test
    void missingAgeAndNoProfileValueGivesNoHrMax() {
        assertThat(new HrMaxCalculator().resolve(AthleteProfile.unknown())).isEmpty();
        assertThat(new HrMaxCalculator().estimate(null)).isEmpty();
        assertThat(new HrMaxCalculator().resolve(null)).isEmpty();
    }

    @Test
    void implausibleProfileValuesAreTreatedAsMissing() {
        // an HRmax of 40 is a typo, so the age estimate applies instead
        Optional<HrMax> max = new HrMaxCalculator().resolve(new AthleteProfile(50, null, null, null, 40.0));
        assertThat(max).isPresent();
        assertThat(max.get().source()).isEqualTo(HrMaxSource.ESTIMATED);
        assertThat(max.get().bpm()).isCloseTo(173.0, within(1e-9)); // 208 - 0.7*50
        // an age of 400 is not an age
        assertThat(new HrMaxCalculator().estimate(400)).isEmpty();
        assertThat(new HrMaxCalculator().estimate(-3)).isEmpty();
    }

    @Test
    void sexMapsProfileCodesAndTreatsEverythingElseAsUnspecified() {
        assertThat(Sex.fromGender("M")).isEqualTo(Sex.MALE);
        assertThat(Sex.fromGender(" f ")).isEqualTo(Sex.FEMALE);
        assertThat(Sex.fromGender("X")).isEqualTo(Sex.UNSPECIFIED);
        assertThat(Sex.fromGender(null)).isEqualTo(Sex.UNSPECIFIED);
        assertThat(Sex.fromGender("male")).isEqualTo(Sex.UNSPECIFIED);
    }
}
