package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RrArtefactFilterTest {

    private final RrArtefactFilter filter = new RrArtefactFilter();

    private static double[] steady(int n, double value) {
        double[] rr = new double[n];
        java.util.Arrays.fill(rr, value);
        return rr;
    }

    @Test
    void ectopicBeatAndCompensatoryPauseAreBothMarked() {
        double[] rr = steady(30, 800);
        rr[15] = 560;   // premature beat
        rr[16] = 1040;  // compensatory pause
        RrFilterResult r = filter.filter(rr);
        assertThat(r.artefactCount()).isEqualTo(2);
        assertThat(r.isNormal(15)).isFalse();
        assertThat(r.isNormal(16)).isFalse();
        assertThat(r.isNormal(17)).isTrue();
    }

    @Test
    void missedDetectionIsMarked() {
        double[] rr = steady(30, 700);
        rr[10] = 1400;
        assertThat(filter.filter(rr).isNormal(10)).isFalse();
        assertThat(filter.filter(rr).artefactCount()).isEqualTo(1);
    }

    @Test
    void smoothRespiratorySwingIsKept() {
        // sinus arrhythmia at rest: intervals swing 750..1000 ms with a 5-beat breathing cycle
        double[] rr = new double[60];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 875 + 125 * Math.sin(2 * Math.PI * i / 5.0);
        }
        assertThat(filter.filter(rr).artefactCount()).isZero();
    }

    @Test
    void outOfRangeValuesAreArtefacts() {
        double[] rr = steady(20, 800);
        rr[3] = 250;
        rr[9] = 2500;
        rr[12] = Double.NaN;
        RrFilterResult r = filter.filter(rr);
        assertThat(r.artefactCount()).isEqualTo(3);
    }

    // reference/README.md: exercise_rri.hrm starts with 1589 ms, then 783, 752: the first one is a
    // missed beat and must not become the reference for the rest.
    @Test
    void artefactAtTheStartDoesNotPoisonTheSeries() {
        RrFilterResult r = filter.filter(RrSamples.intervals("exercise_rri.hrm"));
        assertThat(r.isNormal(0)).isFalse();
        assertThat(r.isNormal(1)).isTrue();
        assertThat(r.isNormal(2)).isTrue();
        assertThat(r.artefactFraction()).isLessThan(0.01);
    }

    // reference/README.md: noisy_rri.hrm has many ectopic beats.
    @Test
    void noisyRecordingIsCleanedToAPlausibleRmssd() {
        double[] rr = RrSamples.intervals("noisy_rri.hrm");
        HrvMetrics raw = new HrvCalculator().compute(rr).orElseThrow();
        RrFilterResult filtered = filter.filter(rr);
        HrvMetrics clean = new HrvCalculator().compute(filtered).orElseThrow();

        assertThat(filtered.artefactCount()).isBetween(20, 200);
        assertThat(filtered.artefactFraction()).isLessThan(0.06);
        // ectopic beats inflate beat-to-beat differences; removing them must bring RMSSD down a lot
        assertThat(raw.rmssdMs()).isGreaterThan(55);
        assertThat(clean.rmssdMs()).isLessThan(raw.rmssdMs() * 0.75);
        // a 40-minute rest / cycling / recovery recording: well inside the adult range (§7 norms)
        assertThat(clean.rmssdMs()).isBetween(15.0, 50.0);
    }

    // reference/README.md: rest_rri.txt shows no ectopic beats.
    @Test
    void cleanRestRecordingIsLeftAlone() {
        RrFilterResult filtered = filter.filter(RrSamples.intervals("rest_rri.txt"));
        assertThat(filtered.artefactFraction()).isLessThan(0.005);
    }

    @Test
    void stricterThresholdFindsMore() {
        double[] rr = RrSamples.intervals("noisy_rri.hrm");
        int defaultCount = filter.filter(rr).artefactCount();
        int strictCount = new RrArtefactFilter(0.10, 5).filter(rr).artefactCount();
        assertThat(strictCount).isGreaterThan(defaultCount);
    }
}
