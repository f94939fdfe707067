package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SinglePoseAnalyzerTest {

    private static SinglePoseAnalyzer.Joint j(double x, double y) {
        return new SinglePoseAnalyzer.Joint(x, y, 0);
    }

    @Test
    void specExampleIsJudgedOnTheBodyLine() {
        // fitness-module-spec.md, "Analyze Exercise Form": shoulder, elbow, hip, knee, wrist.
        // Shoulder, hip and knee lie on one vertical line: a straight body line, no fault.
        var r = SinglePoseAnalyzer.analyze("push_up", Map.of(
                "shoulder", new SinglePoseAnalyzer.Joint(0.5, 0.3, 0.0),
                "elbow", new SinglePoseAnalyzer.Joint(0.6, 0.4, 0.1),
                "hip", new SinglePoseAnalyzer.Joint(0.5, 0.6, 0.0),
                "knee", new SinglePoseAnalyzer.Joint(0.5, 0.75, 0.0),
                "wrist", new SinglePoseAnalyzer.Joint(0.65, 0.35, 0.0)),
                Map.of("shoulder", 0.95, "elbow", 0.92, "hip", 0.88, "knee", 0.85, "wrist", 0.90));
        assertThat(r.status()).isEqualTo(SinglePoseAnalyzer.Status.OK);
        assertThat(r.exercise()).isEqualTo("push_up");
        assertThat(r.formScore()).hasValue(100.0);
        assertThat(r.issues()).isEmpty();
        assertThat(r.recommendations()).hasSize(1);
        assertThat(r.notes()).anyMatch(n -> n.contains("square"));
    }

    @Test
    void saggingHipsInAPlankAreFlagged() {
        // side view, 1280x720: shoulder (900,400), ankle (300,450), hip 60 px below the line
        var r = SinglePoseAnalyzer.analyze("Plank", Map.of(
                "left_shoulder", j(900 / 1280.0, 400 / 720.0),
                "left_hip", j(600 / 1280.0, 485 / 720.0),
                "left_ankle", j(300 / 1280.0, 450 / 720.0)), Map.of(), 1280, 720);
        assertThat(r.status()).isEqualTo(SinglePoseAnalyzer.Status.OK);
        assertThat(r.detected()).containsExactly(FormIssue.PLANK_HIP_SAG);
        assertThat(r.issues()).containsExactly(FormIssue.PLANK_HIP_SAG.issue());
        assertThat(r.recommendations()).containsExactly(FormIssue.PLANK_HIP_SAG.recommendation());
        assertThat(r.formScore().getAsDouble()).isLessThan(90).isGreaterThanOrEqualTo(0);
    }

    @Test
    void lowConfidenceJointsAreIgnored() {
        var r = SinglePoseAnalyzer.analyze("plank", Map.of(
                "shoulder", j(0.7, 0.5), "hip", j(0.5, 0.7), "ankle", j(0.2, 0.6)),
                Map.of("shoulder", 0.9, "hip", 0.2, "ankle", 0.9), 1280, 720);
        assertThat(r.status()).isEqualTo(SinglePoseAnalyzer.Status.INSUFFICIENT_LANDMARKS);
        assertThat(r.formScore()).isEmpty();
    }

    @Test
    void unknownExerciseIsTypedNotThrown() {
        var r = SinglePoseAnalyzer.analyze("bench press", Map.of(), Map.of());
        assertThat(r.status()).isEqualTo(SinglePoseAnalyzer.Status.UNKNOWN_EXERCISE);
        assertThat(r.exercise()).isEqualTo("bench press");
    }

    @Test
    void chinBelowTheHandsAtTheTopOfAPullUp() {
        // front view: elbows bent to about 75 deg (below the 80 deg top threshold), nose below the wrists
        var r = SinglePoseAnalyzer.analyze("pull-ups", Map.of(
                "nose", j(0.50, 0.40),
                "left_shoulder", j(0.56, 0.45), "right_shoulder", j(0.44, 0.45),
                "left_elbow", j(0.66, 0.37), "right_elbow", j(0.34, 0.37),
                "left_wrist", j(0.58, 0.31), "right_wrist", j(0.42, 0.31)), Map.of(), 1000, 1000);
        assertThat(r.status()).isEqualTo(SinglePoseAnalyzer.Status.OK);
        assertThat(r.detected()).containsExactly(FormIssue.PULL_UP_CHIN_BELOW_BAR);
    }
}
