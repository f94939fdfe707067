package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Safety alert: HR above the HRmax in effect for 60 s continuously (HeartRateConfig default). */
class HrAboveMaxMonitorTest {

    @Test
    void alertNeedsSixtyContinuousSecondsStrictlyAbove() {
        HrAboveMaxMonitor m = new HrAboveMaxMonitor(180, 60);
        for (int i = 0; i < 59; i++) {
            m.observe(185, 1.0, true);
        }
        assertThat(m.isAlert()).isFalse();
        m.observe(185, 1.0, true);
        assertThat(m.isAlert()).isTrue();
        m.observe(180, 1.0, true); // equal to HRmax is not above
        assertThat(m.isAlert()).isFalse();
        assertThat(m.totalSeconds()).isEqualTo(60.0);
    }

    @Test
    void aDropOutRestartsTheStretchButStillCountsTheCappedTime() {
        HrAboveMaxMonitor m = new HrAboveMaxMonitor(180, 60);
        for (int i = 0; i < 50; i++) {
            m.observe(190, 1.0, true);
        }
        m.observe(190, 5.0, false);
        assertThat(m.continuousSeconds()).isZero();
        assertThat(m.totalSeconds()).isEqualTo(55.0);
        for (int i = 0; i < 59; i++) {
            m.observe(190, 1.0, true);
        }
        assertThat(m.isAlert()).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new HrAboveMaxMonitor(Double.NaN, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
