package com.clisonix.edge.analysis.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** training-science.md §5: Myzone effort points per zone minute and the Orangetheory 84 % threshold. */
class EffortPointsCalculatorTest {

    private final EffortPointsCalculator points = EffortPointsCalculator.defaults();

    @Test
    void defaultTableMatchesMyzone() {
        assertThat(points.pointsPerMinute(1)).isEqualTo(1.0);
        assertThat(points.pointsPerMinute(2)).isEqualTo(2.0);
        assertThat(points.pointsPerMinute(3)).isEqualTo(3.0);
        assertThat(points.pointsPerMinute(4)).isEqualTo(4.0);
        assertThat(points.pointsPerMinute(5)).isEqualTo(4.0);
        assertThat(points.pointsPerMinute(0)).isZero();
        assertThat(points.pointsPerMinute(9)).isZero();
    }

    @Test
    void pointsAccruePerSecond() {
        assertThat(points.pointsFor(3, 30)).isCloseTo(1.5, within(1e-12));
        // a 45-minute class: 5 min grey, 10 blue, 20 green, 8 yellow, 2 red = 5+20+60+32+8
        double total = points.pointsFor(1, 300) + points.pointsFor(2, 600) + points.pointsFor(3, 1200)
                + points.pointsFor(4, 480) + points.pointsFor(5, 120);
        assertThat(total).isCloseTo(125.0, within(1e-9));
    }

    @Test
    void customTableIsUsed() {
        EffortPointsCalculator flat = EffortPointsCalculator.of(List.of(0.0, 0.0, 1.0, 1.0, 1.0));
        assertThat(flat.pointsFor(2, 600)).isZero();
        assertThat(flat.pointsFor(4, 600)).isEqualTo(10.0);
        assertThatThrownBy(() -> EffortPointsCalculator.of(List.of(1.0, -1.0, 1.0, 1.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // training-science.md §5, Orangetheory: orange starts at 84 % MHR.
    @Test
    void highZoneStartsAt84Percent() {
        assertThat(EffortPointsCalculator.isHighZone(151, 180, 0.84)).isFalse(); // 83.9 %
        assertThat(EffortPointsCalculator.isHighZone(151.2, 180, 0.84)).isTrue(); // 84 %
        assertThat(EffortPointsCalculator.isHighZone(170, Double.NaN, 0.84)).isFalse();
    }
}
