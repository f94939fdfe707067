package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import org.junit.jupiter.api.Test;

class ExerciseAnalyzerTest {

    @Test
    void squatSeenHeadOnRaisesAnAlignmentWarningAndCountsNothing() {
        // pose.md section 4.2 (OFFSET_THRESH: counting paused when facing the camera)
        PoseSequence seq = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.SQUAT, 5, 3)
                .withCamera(30, 1280, 720, 90, true));
        SequenceRun r = SequenceRun.of(ExerciseKind.SQUAT, seq);
        assertThat(r.reps).isZero();
        assertThat(r.warnings).isNotEmpty();
        assertThat(r.warnings.get(0).required()).isEqualTo(ExerciseKind.CameraView.SIDE);
        assertThat(r.warnings.get(0).message()).contains("side-on");
        // repeated at most every 10 s over a ~15 s set
        assertThat(r.warnings).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void pullUpSeenFromTheSideIsMisaligned() {
        PoseSequence seq = PoseSequenceSynthesizer.generate(
                SequenceSpec.of(SimExercise.PULL_UP, 4, 5).withCamera(30, 1280, 720, 0, true));
        SequenceRun r = SequenceRun.of(ExerciseKind.PULL_UP, seq);
        assertThat(r.warnings).isNotEmpty();
        assertThat(r.reps).isZero();
    }

    @Test
    void eachRepEventCarriesItsNumberAndScore() {
        PoseSequence seq = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.PUSH_UP, 4, 9));
        SequenceRun r = SequenceRun.of(ExerciseKind.PUSH_UP, seq);
        assertThat(r.repEvents).extracting(PoseEvent.RepCounted::rep).containsExactly(1, 2, 3, 4);
        assertThat(r.repEvents).allSatisfy(e -> assertThat(e.formScore()).isEqualTo(100.0));
        assertThat(r.setScore).isEqualTo(100.0);
    }

    @Test
    void hiddenJointsSkipTheFrameAndOldOrRepeatedTimestampsAreIgnored() {
        ExerciseAnalyzer a = new ExerciseAnalyzer(ExerciseKind.SQUAT);
        double[][] rows = new double[33][4];
        for (double[] row : rows) {
            row[0] = 0.5;
            row[1] = 0.5;
            row[3] = 0.1;
        }
        Skeleton hidden = Skeleton.fromNormalised(rows, 640, 480, null);
        assertThat(a.onFrame(1000, hidden).status()).isEqualTo(FrameStatus.JOINTS_NOT_VISIBLE);
        assertThat(a.onFrame(1000, hidden).status()).isEqualTo(FrameStatus.OUT_OF_ORDER);
        assertThat(a.onFrame(900, hidden).status()).isEqualTo(FrameStatus.OUT_OF_ORDER);
        FrameResult none = a.onFrame(1100, null);
        assertThat(none.status()).isEqualTo(FrameStatus.NO_POSE);
        assertThat(none.reps()).isZero();
        assertThat(none.hasSetFormScore()).isFalse();
    }

}
