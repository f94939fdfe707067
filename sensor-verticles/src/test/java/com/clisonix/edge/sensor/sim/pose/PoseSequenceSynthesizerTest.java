package com.clisonix.edge.sensor.sim.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PoseSequenceSynthesizerTest {

    @ParameterizedTest
    @EnumSource(SimExercise.class)
    void framesHaveTheMediapipe33Shape(SimExercise ex) {
        // CONTRACT.md section 1: 33 rows x, y, z, visibility; world rows x, y, z in metres
        PoseSequence seq = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(ex, 3, 1).withWorld(true));
        assertThat(seq.samples()).isNotEmpty();
        for (PoseSample s : seq.samples()) {
            assertThat(s.landmarks()).hasNumberOfRows(33);
            assertThat(s.world()).hasNumberOfRows(33);
            for (double[] row : s.landmarks()) {
                assertThat(row).hasSize(4);
                assertThat(row[0]).isBetween(-0.05, 1.05);
                assertThat(row[1]).isBetween(-0.05, 1.05);
                assertThat(row[3]).isBetween(0.0, 1.0);
            }
            // world origin between the hips (pose.md section 1.1)
            double hx = (s.world()[23][0] + s.world()[24][0]) / 2;
            double hy = (s.world()[23][1] + s.world()[24][1]) / 2;
            assertThat(hx).isCloseTo(0, within(0.02));
            assertThat(hy).isCloseTo(0, within(0.02));
        }
    }

    @Test
    void sameSpecSameFramesOtherSeedOtherFrames() {
        SequenceSpec spec = SequenceSpec.of(SimExercise.SQUAT, 4, 99).withNoise(2, 0.3, 0.1);
        PoseSequence a = PoseSequenceSynthesizer.generate(spec);
        PoseSequence b = PoseSequenceSynthesizer.generate(spec);
        PoseSequence c = PoseSequenceSynthesizer.generate(spec.withSeed(100));
        assertThat(a.samples()).hasSameSizeAs(b.samples());
        for (int i = 0; i < a.samples().size(); i++) {
            assertThat(a.samples().get(i).landmarks()).isDeepEqualTo(b.samples().get(i).landmarks());
        }
        assertThat(c.samples().get(5).landmarks()).isNotEqualTo(a.samples().get(5).landmarks());
    }

    @Test
    void timestampsFollowTheFrameRateAndDropsLeaveGaps() {
        SequenceSpec spec = SequenceSpec.of(SimExercise.PUSH_UP, 5, 4).withNoise(1, 0, 0.2);
        PoseSequence seq = PoseSequenceSynthesizer.generate(spec);
        List<PoseSample> s = seq.samples();
        long last = s.get(s.size() - 1).frame();
        double dropped = 1 - (double) s.size() / (last + 1);
        assertThat(dropped).isBetween(0.1, 0.3);
        for (int i = 1; i < s.size(); i++) {
            long frames = s.get(i).frame() - s.get(i - 1).frame();
            assertThat(s.get(i).tsMillis() - s.get(i - 1).tsMillis())
                    .isCloseTo(Math.round(frames * 1000 / 30.0), within(1L));
        }
    }

    @Test
    void sideViewHidesTheFarSideAndOcclusionCollapsesVisibility() {
        // facing right in a side view, the athlete's left side is away from the camera
        PoseSequence clean = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.SQUAT, 2, 6));
        double near = 0;
        double far = 0;
        for (PoseSample s : clean.samples()) {
            near += s.landmarks()[26][3];
            far += s.landmarks()[25][3];
        }
        assertThat(near / clean.samples().size()).isGreaterThan(0.9);
        assertThat(far / clean.samples().size()).isBetween(0.5, 0.75);

        PoseSequence occluded = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(SimExercise.SQUAT, 6, 6).withNoise(1, 1.0, 0));
        long low = occluded.samples().stream()
                .filter(s -> s.landmarks()[26][3] < 0.35 || s.landmarks()[14][3] < 0.35).count();
        assertThat(low).isPositive();
    }

    @Test
    void groundTruthFollowsTheFault() {
        assertThat(PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.LUNGE, 6, 1)).fullReps())
                .isEqualTo(6);
        PoseSequence shallow = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(SimExercise.SQUAT, 6, 1).withFault(SimFault.SHALLOW));
        assertThat(shallow.fullReps()).isZero();
        assertThat(shallow.partialReps()).isEqualTo(6);
        PoseSequence soft = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(SimExercise.PULL_UP, 5, 1).withFault(SimFault.NO_FULL_EXTENSION));
        assertThat(soft.fullReps()).isEqualTo(1);
        assertThat(soft.partialReps()).isEqualTo(4);
        PoseSequence plank = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.PLANK, 0, 1)
                .withHoldSeconds(30).withFault(SimFault.HIP_SAG));
        assertThat(plank.goodHoldSeconds() + plank.faultSeconds()).isCloseTo(30, within(1e-9));
        assertThat(plank.faultSeconds()).isCloseTo(12.5, within(1e-9));
    }

    @Test
    void faultsThatDoNotFitTheExerciseAreRefused() {
        assertThatThrownBy(() -> SequenceSpec.of(SimExercise.SQUAT, 3, 1).withFault(SimFault.HIP_SAG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceSpec.of(SimExercise.SQUAT, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pushUpElbowSwingsBetweenTheModelAngles() {
        // FloorKinematics: 172 deg at the top, 78 deg at the bottom of a clean push-up; measured
        // in pixels on the near (right) arm of a noise-free side view
        PoseSequence seq = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(SimExercise.PUSH_UP, 2, 1).withNoise(0, 0, 0));
        double min = 180;
        double max = 0;
        for (PoseSample s : seq.samples()) {
            double[][] p = s.landmarks();
            double ax = (p[12][0] - p[14][0]) * 1280;
            double ay = (p[12][1] - p[14][1]) * 720;
            double bx = (p[16][0] - p[14][0]) * 1280;
            double by = (p[16][1] - p[14][1]) * 720;
            double a = Math.toDegrees(Math.acos((ax * bx + ay * by)
                    / Math.hypot(ax, ay) / Math.hypot(bx, by)));
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        assertThat(min).isCloseTo(78, within(1.0));
        assertThat(max).isCloseTo(172, within(1.0));
    }
}
