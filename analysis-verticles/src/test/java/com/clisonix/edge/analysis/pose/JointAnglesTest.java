package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JointAnglesTest {

    @Test
    void rightAngleAndStraightLine() {
        assertThat(JointAngles.angle2d(0, -1, 0, 0, 1, 0)).isCloseTo(90, within(1e-9));
        assertThat(JointAngles.angle2d(-1, 0, 0, 0, 1, 0)).isCloseTo(180, within(1e-9));
        assertThat(JointAngles.angle2d(1, 1, 0, 0, 1, 1)).isCloseTo(0, within(1e-4));
    }

    @Test
    void degenerateSegmentsGiveNaN() {
        assertThat(JointAngles.angle2d(0, 0, 0, 0, 1, 0)).isNaN();
        assertThat(JointAngles.angle2d(Double.NaN, 0, 0, 0, 1, 0)).isNaN();
        assertThat(JointAngles.fromVertical(0, 0, 0)).isNaN();
    }

    @Test
    void normalisedCoordinatesOnAWideFrameWouldDistortTheAngle() {
        // pose.md section 3: scale x by width and y by height before measuring. A true 135 deg
        // elbow on a 1280x720 frame measured on normalised numbers comes out far from 135.
        double[][] rows = new double[33][4];
        rows[11] = new double[] {500 / 1280.0, 200 / 720.0, 0, 1};
        rows[13] = new double[] {500 / 1280.0, 400 / 720.0, 0, 1};
        rows[15] = new double[] {700 / 1280.0, 600 / 720.0, 0, 1};
        Skeleton s = Skeleton.fromNormalised(rows, 1280, 720, null);
        double px = JointAngles.at(s, PoseLandmark.LEFT_SHOULDER, PoseLandmark.LEFT_ELBOW,
                PoseLandmark.LEFT_WRIST);
        double raw = JointAngles.angle2d(rows[11][0], rows[11][1], rows[13][0], rows[13][1],
                rows[15][0], rows[15][1]);
        assertThat(px).isCloseTo(135, within(1e-9));
        assertThat(raw).isNotCloseTo(135, within(10.0));
    }

    @Test
    void fromVerticalIsZeroUpNinetyLevelOneEightyDown() {
        assertThat(JointAngles.fromVertical(0, -1, 0)).isCloseTo(0, within(1e-9));
        assertThat(JointAngles.fromVertical(1, 0, 0)).isCloseTo(90, within(1e-9));
        assertThat(JointAngles.fromVertical(0, 1, 0)).isCloseTo(180, within(1e-9));
    }

    @Test
    void signedOffsetTellsSagFromPike() {
        // shoulder (0,0), ankle (10,0); y grows downwards
        assertThat(JointAngles.signedOffset(0, 0, 0, 10, 0, 0, 5, 1, 0)).isCloseTo(0.1, within(1e-9));
        assertThat(JointAngles.signedOffset(0, 0, 0, 10, 0, 0, 5, -2, 0)).isCloseTo(-0.2, within(1e-9));
    }

    @Test
    void interiorAngleDoesNotDependOnMirroringOrScale() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            double[] p = new double[6];
            for (int k = 0; k < 6; k++) {
                p[k] = rnd.nextDouble() * 200 - 100;
            }
            double a = JointAngles.angle2d(p[0], p[1], p[2], p[3], p[4], p[5]);
            double mirrored = JointAngles.angle2d(-p[0], p[1], -p[2], p[3], -p[4], p[5]);
            double scaled = JointAngles.angle2d(3 * p[0], 3 * p[1], 3 * p[2], 3 * p[3], 3 * p[4], 3 * p[5]);
            assertThat(a).isBetween(0.0, 180.0);
            assertThat(mirrored).isCloseTo(a, within(1e-6));
            assertThat(scaled).isCloseTo(a, within(1e-6));
        }
    }
}
