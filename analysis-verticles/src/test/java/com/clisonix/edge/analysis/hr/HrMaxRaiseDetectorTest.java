package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** training-science.md §5, "Myzone MHR auto-adjust": 30 s above the recorded MHR, at most +10 bpm. */
class HrMaxRaiseDetectorTest {

    private static void feed(HrMaxRaiseDetector d, int bpm, int seconds) {
        for (int i = 0; i < seconds; i++) {
            d.observe(bpm, 1.0, true);
        }
    }

    @Test
    void twentyNineSecondsAboveIsNotEnough() {
        HrMaxRaiseDetector d = new HrMaxRaiseDetector(180);
        feed(d, 184, 29);
        assertThat(d.proposal()).isEmpty();
        feed(d, 184, 1);
        assertThat(d.proposal()).hasValueSatisfying(r -> {
            assertThat(r.previousBpm()).isEqualTo(180.0);
            assertThat(r.proposedBpm()).isEqualTo(184.0);
            assertThat(r.adjustments()).isEqualTo(1);
        });
    }

    @Test
    void aRaiseIsCappedAtTenBpm() {
        HrMaxRaiseDetector d = new HrMaxRaiseDetector(170);
        feed(d, 195, 30);
        assertThat(d.proposal()).hasValueSatisfying(r -> assertThat(r.proposedBpm()).isEqualTo(180.0));
    }

    @Test
    void aLongHardEffortEarnsSeveralRaises() {
        HrMaxRaiseDetector d = new HrMaxRaiseDetector(170);
        feed(d, 195, 30);   // 170 -> 180
        feed(d, 195, 30);   // 180 -> 190
        feed(d, 195, 30);   // 190 -> 195 (capped by the observed peak)
        feed(d, 195, 60);   // not above 195 any more
        assertThat(d.proposal()).hasValueSatisfying(r -> {
            assertThat(r.proposedBpm()).isEqualTo(195.0);
            assertThat(r.adjustments()).isEqualTo(3);
            assertThat(r.increaseBpm()).isEqualTo(25.0);
        });
    }

    @Test
    void dippingToTheMaxResetsTheRun() {
        HrMaxRaiseDetector d = new HrMaxRaiseDetector(180);
        feed(d, 185, 20);
        feed(d, 180, 1); // equal is not above
        feed(d, 185, 20);
        assertThat(d.proposal()).isEmpty();
        assertThat(d.currentRunSeconds()).isEqualTo(20.0);
    }

    @Test
    void aGapBreaksTheRun() {
        HrMaxRaiseDetector d = new HrMaxRaiseDetector(180);
        feed(d, 185, 20);
        d.observe(185, 5.0, false); // after a drop-out nothing is credited
        assertThat(d.currentRunSeconds()).isZero();
        feed(d, 185, 29);
        assertThat(d.proposal()).isEmpty();
        feed(d, 185, 1);
        assertThat(d.proposal()).isPresent();
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThatThrownBy(() -> new HrMaxRaiseDetector(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HrMaxRaiseDetector(180, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
