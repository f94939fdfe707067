package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** training-science.md §4 (Keytel et al. 2005): equations give kJ/min; kcal = kJ / 4.184. */
class KeytelEnergyCalculatorTest {

    // Hand evaluation, male without VO2max, HR 150, 80 kg, 30 y:
    // -55.0969 + 0.6309*150 + 0.1988*80 + 0.2017*30 = -55.0969 + 94.635 + 15.904 + 6.051 = 61.4931 kJ/min
    private static final double MALE_KJ = 61.4931;
    // female: -20.4022 + 0.4472*150 - 0.1263*80 + 0.0740*30 = -20.4022 + 67.08 - 10.104 + 2.22 = 38.7938 kJ/min
    private static final double FEMALE_KJ = 38.7938;

    @Test
    void maleEquationWithoutVo2Max() {
        assertThat(KeytelEnergyCalculator.kjPerMinute(Sex.MALE, 150, 80, 30)).isCloseTo(MALE_KJ, within(1e-9));
        assertThat(KeytelEnergyCalculator.kcalPerMinute(Sex.MALE, 150, 80, 30)).isCloseTo(14.6972, within(1e-4));
    }

    @Test
    void femaleEquationWithoutVo2Max() {
        assertThat(KeytelEnergyCalculator.kjPerMinute(Sex.FEMALE, 150, 80, 30)).isCloseTo(FEMALE_KJ, within(1e-9));
        assertThat(KeytelEnergyCalculator.kcalPerMinute(Sex.FEMALE, 150, 80, 30)).isCloseTo(9.2719, within(1e-4));
    }

    // CONTRACT.md §6: gender X or unknown uses the mean of both equations.
    @Test
    void unspecifiedSexIsTheMeanOfBoth() {
        assertThat(KeytelEnergyCalculator.kjPerMinute(Sex.UNSPECIFIED, 150, 80, 30))
                .isCloseTo((MALE_KJ + FEMALE_KJ) / 2, within(1e-9));
    }

    // training-science.md §4 pitfalls: the result is kJ, not kcal, and weight is in kg (the
    // pound-based variant's 0.09036 would give a different number for the same input).
    @Test
    void outputIsKilojoulesAndWeightIsKilograms() {
        double kj = KeytelEnergyCalculator.kjPerMinute(Sex.MALE, 150, 80, 30);
        double poundVariant = -55.0969 + 0.6309 * 150 + 0.09036 * 80 + 0.2017 * 30;
        assertThat(kj).isNotCloseTo(poundVariant, within(1.0));
        assertThat(KeytelEnergyCalculator.kcalPerMinute(Sex.MALE, 150, 80, 30) * 4.184).isCloseTo(kj, within(1e-9));
    }

    // training-science.md §4, with-VO2max equation split by sex, evaluated by hand at HR 150, 80 kg,
    // 30 y, VO2max 45:
    // male   -95.7735 + 0.634*150 + 0.394*80 + 0.404*45 + 0.271*30 = 57.1565
    // female -59.3954 + 0.450*150 + 0.103*80 + 0.380*45 + 0.274*30 = 41.6646
    @Test
    void equationWithVo2Max() {
        assertThat(KeytelEnergyCalculator.kjPerMinuteWithVo2Max(Sex.MALE, 150, 80, 30, 45))
                .isCloseTo(57.1565, within(1e-9));
        assertThat(KeytelEnergyCalculator.kjPerMinuteWithVo2Max(Sex.FEMALE, 150, 80, 30, 45))
                .isCloseTo(41.6646, within(1e-9));
        // the made-up male variant with 0.6488*VO2max (§4 pitfalls) would differ by several kJ/min
        double wrong = -95.7735 + 0.6309 * 150 + 0.1988 * 80 + 0.2017 * 30 + 0.6488 * 45;
        assertThat(KeytelEnergyCalculator.kjPerMinuteWithVo2Max(Sex.MALE, 150, 80, 30, 45))
                .isNotCloseTo(wrong, within(1.0));
    }

    @Test
    void nearRestThePredictionIsClampedAtZero() {
        // -55.0969 + 0.6309*60 + 0.1988*50 + 0.2017*20 = -3.2689 kJ/min
        assertThat(KeytelEnergyCalculator.rawKjPerMinute(Sex.MALE, 60, 50, 20)).isCloseTo(-3.2689, within(1e-9));
        assertThat(KeytelEnergyCalculator.kjPerMinute(Sex.MALE, 60, 50, 20)).isZero();
    }

    // training-science.md §4: like Myzone, no energy is counted under 50 % of HRmax.
    @Test
    void nothingCountedBelowTheFloor() {
        KeytelEnergyCalculator calc = new KeytelEnergyCalculator();
        assertThat(calc.countedKcalPerMinute(Sex.MALE, 89, 180, 80, 30)).isZero();      // 49.4 %
        assertThat(calc.countedKcalPerMinute(Sex.MALE, 90, 180, 80, 30))                 // 50 %
                .isCloseTo((-55.0969 + 0.6309 * 90 + 0.1988 * 80 + 0.2017 * 30) / 4.184, within(1e-9));
        assertThat(new KeytelEnergyCalculator(0.6).countedKcalPerMinute(Sex.MALE, 100, 180, 80, 30)).isZero();
    }

    @Test
    void missingInputsGiveNaNNotZero() {
        KeytelEnergyCalculator calc = new KeytelEnergyCalculator();
        assertThat(calc.countedKcalPerMinute(Sex.MALE, 150, Double.NaN, 80, 30)).isNaN();
        assertThat(calc.countedKcalPerMinute(Sex.MALE, 150, 180, Double.NaN, 30)).isNaN();
        assertThat(calc.countedKcalPerMinute(Sex.MALE, 150, 180, 80, Double.NaN)).isNaN();
    }
}
