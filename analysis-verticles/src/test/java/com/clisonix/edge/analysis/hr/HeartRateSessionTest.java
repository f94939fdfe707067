package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HeartRateSessionTest {

    private static final long T0 = 1_732_500_000_000L;
    // 40-year-old man, 80 kg, resting 60: Tanaka HRmax = 208 - 0.7*40 = 180 (training-science.md §1)
    private static final AthleteProfile MAN_40 = new AthleteProfile(40, "M", 80.0, 60.0, null);

    /** Keytel 2005 male equation without VO2max, written out here (training-science.md §4). */
    private static double keytelMaleKcalPerMin(double hr) {
        return (-55.0969 + 0.6309 * hr + 0.1988 * 80 + 0.2017 * 40) / 4.184;
    }

    /** Keytel 2005 female equation without VO2max (training-science.md §4). */
    private static double keytelFemaleKcalPerMin(double hr) {
        return (-20.4022 + 0.4472 * hr - 0.1263 * 80 + 0.0740 * 40) / 4.184;
    }

    /** Banister per-minute weighting for men, x on the reserve 60..180 (training-science.md §6). */
    private static double banisterMalePerMin(double hr) {
        double x = (hr - 60) / (180.0 - 60);
        return x * 0.64 * Math.exp(1.92 * x);
    }

    /**
     * A synthetic 30-minute class at 1 Hz: 5 min at 100 bpm (55.6 %, zone 1), 10 min at 130 (72.2 %,
     * zone 3), 10 min at 155 (86.1 %, zone 4, high zone), 5 min at 85 (47.2 %, below zone 1 and below
     * the 50 % calorie floor). The sample at t = 0 only starts the clock.
     */
    private static HeartRateSession thirtyMinuteClass(AthleteProfile profile) {
        HeartRateSession s = new HeartRateSession(profile);
        s.onSample(T0, 100);
        for (int i = 1; i <= 1800; i++) {
            int bpm = i <= 300 ? 100 : i <= 900 ? 130 : i <= 1500 ? 155 : 85;
            assertThat(s.onSample(T0 + i * 1000L, bpm)).isTrue();
        }
        return s;
    }

    @Test
    void thirtyMinuteSessionMatchesTheFormulasWorkedIndependently() {
        HeartRateSession s = thirtyMinuteClass(MAN_40);

        assertThat(s.hrMax()).hasValueSatisfying(m -> assertThat(m.bpm()).isCloseTo(180.0, within(1e-9)));
        assertThat(s.integratedSeconds()).isCloseTo(1800.0, within(1e-9));
        assertThat(s.zoneSeconds(0)).isCloseTo(300.0, within(1e-9));
        assertThat(s.zoneSeconds(1)).isCloseTo(300.0, within(1e-9));
        assertThat(s.zoneSeconds(2)).isZero();
        assertThat(s.zoneSeconds(3)).isCloseTo(600.0, within(1e-9));
        assertThat(s.zoneSeconds(4)).isCloseTo(600.0, within(1e-9));
        assertThat(s.zoneSeconds(5)).isZero();

        // Keytel kcal: the last 5 minutes are below 50 % HRmax (90 bpm), so they add nothing.
        double expectedKcal = 5 * keytelMaleKcalPerMin(100) + 10 * keytelMaleKcalPerMin(130)
                + 10 * keytelMaleKcalPerMin(155);
        assertThat(s.kcal()).isCloseTo(expectedKcal, within(1e-6));
        assertThat(expectedKcal).isBetween(250.0, 400.0); // sanity: a 30-minute class, not a marathon

        // MEPs (training-science.md §5): 5 min x 1 + 10 min x 3 + 10 min x 4
        assertThat(s.effortPoints()).isCloseTo(75.0, within(1e-9));
        // >= 84 % of 180 = 151.2 bpm: only the 155 bpm block
        assertThat(s.minutesHighZone()).isCloseTo(10.0, within(1e-9));

        double expectedBanister = 5 * banisterMalePerMin(100) + 10 * banisterMalePerMin(130)
                + 10 * banisterMalePerMin(155) + 5 * banisterMalePerMin(85);
        assertThat(s.banisterTrimp()).isCloseTo(expectedBanister, within(1e-6));
        // Edwards (training-science.md §6): 5 min x 1 + 10 min x 3 + 10 min x 4 + 5 min x 0
        assertThat(s.edwardsTrimp()).isCloseTo(75.0, within(1e-9));

        assertThat(s.averageHeartRate()).isCloseTo((300 * 100 + 600 * 130 + 600 * 155 + 300 * 85) / 1800.0, within(1e-9));
        assertThat(s.maxHeartRate()).isEqualTo(155);
        assertThat(s.minHeartRate()).isEqualTo(85);
        assertThat(s.isAboveHrMaxAlert()).isFalse();
        assertThat(s.raiseProposal()).isEmpty();

        HeartRateSummary summary = s.finish();
        assertThat(summary.zoneSeconds()).hasSize(6);
        assertThat(summary.calories()).isCloseTo(expectedKcal, within(1e-6));
        assertThat(summary.trimp()).isCloseTo(expectedBanister, within(1e-6));
        assertThat(summary.hrMaxRaise()).isEmpty();
    }

    // CONTRACT.md §6: gender X uses the mean of the male and female equations.
    @Test
    void genderXUsesTheMeanOfBothEnergyEquations() {
        HeartRateSession s = thirtyMinuteClass(new AthleteProfile(40, "X", 80.0, 60.0, null));
        double male = 5 * keytelMaleKcalPerMin(100) + 10 * keytelMaleKcalPerMin(130) + 10 * keytelMaleKcalPerMin(155);
        double female = 5 * keytelFemaleKcalPerMin(100) + 10 * keytelFemaleKcalPerMin(130)
                + 10 * keytelFemaleKcalPerMin(155);
        assertThat(s.kcal()).isCloseTo((male + female) / 2, within(1e-6));
    }

    @Test
    void snapshotReportsLiveValues() {
        HeartRateSession s = new HeartRateSession(MAN_40);
        assertThat(s.snapshot().heartRate()).isNull();
        s.onSample(T0, 150);
        s.onSample(T0 + 1000, 153);
        HeartRateSnapshot snap = s.snapshot();
        assertThat(snap.heartRate()).isEqualTo(153);
        assertThat(snap.hrMax()).isCloseTo(180.0, within(1e-9));
        assertThat(snap.hrMaxSource()).isEqualTo(HrMaxSource.ESTIMATED);
        assertThat(snap.pctHrMax()).isCloseTo(85.0, within(1e-9));          // 153 / 180
        assertThat(snap.pctHrr()).isCloseTo(77.5, within(1e-9));            // (153-60)/(180-60)
        assertThat(snap.zone()).isEqualTo(4);
        assertThat(snap.zoneColour()).isEqualTo(ZoneColour.YELLOW);
        assertThat(snap.calories()).isCloseTo(keytelMaleKcalPerMin(153) / 60, within(1e-9));
        assertThat(snap.alerts()).isEmpty();
    }

    @Test
    void belowZoneOneIsPublishedAsNoZone() {
        HeartRateSession s = new HeartRateSession(MAN_40);
        s.onSample(T0, 70);
        assertThat(s.currentZone()).isZero();
        assertThat(s.snapshot().zone()).isNull();
        assertThat(s.snapshot().zoneColour()).isNull();
    }

    @Test
    void gapsAreCappedAndBreakContinuity() {
        HeartRateSession s = new HeartRateSession(MAN_40);
        s.onSample(T0, 120);
        s.onSample(T0 + 1000, 120);
        s.onSample(T0 + 2000, 120);
        s.onSample(T0 + 62_000, 120);   // 60 s silence: credited 5 s only
        s.onSample(T0 + 63_000, 120);
        assertThat(s.integratedSeconds()).isCloseTo(1 + 1 + 5 + 1, within(1e-9));
        assertThat(s.gaps()).isEqualTo(1);
        // irregular but short intervals are credited as they are
        s.onSample(T0 + 66_500, 120);
        assertThat(s.integratedSeconds()).isCloseTo(11.5, within(1e-9));
    }

    @Test
    void outOfOrderDuplicateAndOutOfRangeSamplesAreIgnored() {
        HeartRateSession s = new HeartRateSession(MAN_40);
        assertThat(s.onSample(T0 + 10_000, 120)).isTrue();
        assertThat(s.onSample(T0 + 5_000, 180)).isFalse();   // older than the last one
        assertThat(s.onSample(T0 + 10_000, 121)).isFalse();  // same time again
        assertThat(s.onSample(T0 + 11_000, 10)).isFalse();   // not a heart rate
        assertThat(s.onSample(T0 + 11_000, 400)).isFalse();
        assertThat(s.onSample(T0 + 11_000, 122)).isTrue();
        assertThat(s.ignoredSamples()).isEqualTo(4);
        assertThat(s.maxHeartRate()).isEqualTo(122);
        assertThat(s.integratedSeconds()).isCloseTo(1.0, within(1e-9));
    }

    // training-science.md §5 (raise after 30 s above MHR, <= 10 bpm each) and the 60 s safety alert.
    @Test
    void sustainedRateAboveMaxRaisesAnAlertAndProposesARaiseAtTheEnd() {
        HeartRateSession s = new HeartRateSession(new AthleteProfile(40, "F", 60.0, 55.0, 170.0));
        s.onSample(T0, 160);
        for (int i = 1; i <= 59; i++) {
            s.onSample(T0 + i * 1000L, 200);
        }
        assertThat(s.isAboveHrMaxAlert()).isFalse();
        s.onSample(T0 + 60_000, 200);
        assertThat(s.isAboveHrMaxAlert()).isTrue();
        assertThat(s.snapshot().alerts()).containsExactly(HeartRateAlert.HR_ABOVE_MAX);
        assertThat(HeartRateAlert.HR_ABOVE_MAX.code()).isEqualTo("hr_above_max");
        // zones keep the HRmax the workout started with
        assertThat(s.snapshot().hrMax()).isEqualTo(170.0);
        for (int i = 61; i <= 100; i++) {
            s.onSample(T0 + i * 1000L, 200);
        }
        s.onSample(T0 + 101_000, 150);
        assertThat(s.isAboveHrMaxAlert()).isFalse();
        HeartRateSummary summary = s.finish();
        // 170 -> 180 at 30 s, -> 190 at 60 s, -> 200 at 90 s
        assertThat(summary.hrMaxRaise()).hasValueSatisfying(r -> {
            assertThat(r.previousBpm()).isEqualTo(170.0);
            assertThat(r.proposedBpm()).isEqualTo(200.0);
            assertThat(r.adjustments()).isEqualTo(3);
        });
        assertThat(summary.secondsAboveHrMax()).isCloseTo(100.0, within(1e-9));
        assertThat(s.onSample(T0 + 102_000, 150)).as("finished sessions ignore samples").isFalse();
    }

    @Test
    void withoutAgeOrHrMaxOnlyHeartRateStatisticsAreKnown() {
        HeartRateSession s = new HeartRateSession(new AthleteProfile(null, "M", 80.0, 60.0, null));
        s.onSample(T0, 150);
        s.onSample(T0 + 1000, 160);
        HeartRateSnapshot snap = s.snapshot();
        assertThat(snap.heartRate()).isEqualTo(160);
        assertThat(snap.hrMax()).isNull();
        assertThat(snap.zone()).isNull();
        assertThat(snap.pctHrMax()).isNull();
        assertThat(snap.calories()).isNull();
        assertThat(snap.trimp()).isNull();
        assertThat(snap.effortPoints()).isZero();
        assertThat(s.finish().averageHeartRate()).isCloseTo(160.0, within(1e-9));
    }

    @Test
    void withoutWeightOrRestingHrOnlyThoseFiguresAreUnknown() {
        HeartRateSession s = new HeartRateSession(new AthleteProfile(30, "F", null, null, null));
        s.onSample(T0, 150);
        s.onSample(T0 + 60_000, 150); // one gap, 5 s credited
        HeartRateSnapshot snap = s.snapshot();
        assertThat(snap.zone()).isEqualTo(4);          // 150 / 187 = 80.2 %
        assertThat(snap.calories()).isNull();
        assertThat(snap.trimp()).isNull();
        assertThat(snap.pctHrr()).isNull();
        assertThat(snap.edwardsTrimp()).isCloseTo(4 * 5 / 60.0, within(1e-9));
        assertThat(snap.effortPoints()).isCloseTo(4 * 5 / 60.0, within(1e-9));
    }

    @Test
    void configurableFloorAndZonesAreApplied() {
        HeartRateConfig config = HeartRateConfig.defaults()
                .withKcalFloorFraction(0.6)
                .withHrMaxFormula(HrMaxFormula.FOX);
        HeartRateSession s = new HeartRateSession(MAN_40, config); // Fox: 220 - 40 = 180 as well
        s.onSample(T0, 100);
        s.onSample(T0 + 1000, 100); // 55.6 %: below the raised floor
        assertThat(s.kcal()).isZero();
        assertThat(s.hrMax().orElseThrow().formula()).contains(HrMaxFormula.FOX);
    }

    // Invariants over a seeded random workout with irregular intervals and drop-outs.
    @Test
    void invariantsHoldForRandomWorkouts() {
        Random random = new Random(20_241_125L);
        for (int run = 0; run < 20; run++) {
            HeartRateSession s = new HeartRateSession(
                    new AthleteProfile(18 + random.nextInt(60), random.nextBoolean() ? "M" : "X",
                            50.0 + random.nextInt(60), 45.0 + random.nextInt(30), null));
            long t = T0;
            int hr = 90;
            double previousKcal = 0;
            for (int i = 0; i < 2000; i++) {
                t += 200 + random.nextInt(random.nextInt(50) == 0 ? 30_000 : 2_500);
                hr = Math.max(40, Math.min(215, hr + random.nextInt(11) - 5));
                s.onSample(t, hr);
                assertThat(s.kcal()).isGreaterThanOrEqualTo(previousKcal);
                previousKcal = s.kcal();
            }
            double zoneTotal = 0;
            for (int z = 0; z <= 5; z++) {
                zoneTotal += s.zoneSeconds(z);
            }
            double minutes = s.integratedSeconds() / 60;
            assertThat(zoneTotal).isCloseTo(s.integratedSeconds(), within(1e-6));
            assertThat(s.integratedSeconds()).isLessThanOrEqualTo((t - T0) / 1000.0 + 1e-9);
            assertThat(s.effortPoints()).isBetween(0.0, 4 * minutes + 1e-9);
            assertThat(s.edwardsTrimp()).isBetween(0.0, 5 * minutes + 1e-9);
            assertThat(s.minutesHighZone()).isBetween(0.0, minutes + 1e-9);
            assertThat(s.averageHeartRate()).isBetween((double) s.minHeartRate(), (double) s.maxHeartRate());
        }
    }
}
