package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkeletonTest {

    private static double[][] rows(double v) {
        double[][] r = new double[33][4];
        for (int i = 0; i < 33; i++) {
            r[i] = new double[] {0.5, 0.25, -0.1, v};
        }
        return r;
    }

    @Test
    void normalisedRowsBecomePixels() {
        // CONTRACT.md section 1: x and y normalised by the frame's width and height
        Skeleton s = Skeleton.fromNormalised(rows(0.9), 1280, 720, null);
        assertThat(s.x(0)).isEqualTo(640.0);
        assertThat(s.y(0)).isEqualTo(180.0);
        assertThat(s.z(0)).isEqualTo(-128.0);
        assertThat(s.visibility(0)).isEqualTo(0.9);
        assertThat(s.hasWorld()).isFalse();
    }

    @Test
    void worldLandmarksAreKept() {
        double[][] world = new double[33][3];
        world[23] = new double[] {0.09, 0.0, -0.04}; // pose.md section 1.1, left hip
        Skeleton s = Skeleton.fromNormalised(rows(1), 100, 100, world);
        assertThat(s.hasWorld()).isTrue();
        assertThat(s.world(23, 0)).isEqualTo(0.09);
        assertThat(s.world(23, 2)).isEqualTo(-0.04);
    }

    @Test
    void nonFinitePointBecomesInvisibleInsteadOfFailing() {
        double[][] r = rows(1);
        r[13][0] = Double.NaN;
        Skeleton s = Skeleton.fromNormalised(r, 100, 100, null);
        assertThat(s.visibility(13)).isZero();
        assertThat(s.visibility(12)).isEqualTo(1.0);
    }

    @Test
    void malformedShapesAreRejectedOrEmpty() {
        assertThat(Skeleton.tryFromNormalised(new double[32][4], 10, 10, null)).isEmpty();
        assertThat(Skeleton.tryFromNormalised(rows(1), 0, 10, null)).isEmpty();
        assertThat(Skeleton.tryFromNormalised(rows(1), 10, 10, new double[3][3])).isEmpty();
        assertThat(Skeleton.tryFromNormalised(null, 10, 10, null)).isEmpty();
        assertThatThrownBy(() -> Skeleton.fromNormalised(new double[2][4], 10, 10, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
