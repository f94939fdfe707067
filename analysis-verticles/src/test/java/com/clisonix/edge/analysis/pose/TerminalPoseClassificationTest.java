package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the repetition thresholds ({@link RepThresholds}) on real labelled terminal poses:
 * ML Kit's {@code fitness_pose_samples.csv} (reference README.md; pose.md section 8), classes
 * pushups_up / pushups_down / squats_up / squats_down. Each frame is classified from its 2-D
 * pixel angle alone, without smoothing, exactly as a live frame's signal would be.
 *
 * <p>The samples come from many camera angles, including head-on views that the live analyser
 * refuses to count (camera-alignment rule); accuracy is therefore reported for all frames and for
 * the frames that pass the alignment rule.
 */
class TerminalPoseClassificationTest {

    private static final List<MlKitPoseSamples.Sample> SAMPLES = MlKitPoseSamples.load();

    record Tally(int total, int correct, int opposite, int alignedTotal, int alignedCorrect,
                 int alignedOpposite) {
        double accuracy() {
            return (double) correct / total;
        }

        double alignedAccuracy() {
            return (double) alignedCorrect / alignedTotal;
        }
    }

    static Tally tally(ExerciseKind kind, String upLabel, String downLabel) {
        RepThresholds th = RepThresholds.forExercise(kind);
        int total = 0;
        int correct = 0;
        int opposite = 0;
        int aTotal = 0;
        int aCorrect = 0;
        int aOpposite = 0;
        PosePoints p = new PosePoints();
        FrameFeatures f = new FrameFeatures();
        for (MlKitPoseSamples.Sample s : SAMPLES) {
            boolean up = s.label().equals(upLabel);
            if (!up && !s.label().equals(downLabel)) {
                continue;
            }
            p.load(Skeleton.fromPixels(s.xyz(), 1.0), false, PosePoints.VISIBILITY_GATE);
            FeatureExtractor.extract(kind, p, -1, f);
            RepThresholds.Position want = up ? RepThresholds.Position.EXTENDED
                    : RepThresholds.Position.FLEXED;
            RepThresholds.Position wrong = up ? RepThresholds.Position.FLEXED
                    : RepThresholds.Position.EXTENDED;
            RepThresholds.Position got = f.countable
                    ? th.classify(f.signal, f.extendedOk, f.flexedOk)
                    : RepThresholds.Position.BETWEEN;
            boolean aligned = !(f.alignmentRatio > ExerciseAnalyzer.SIDE_VIEW_MAX_RATIO);
            total++;
            correct += got == want ? 1 : 0;
            opposite += got == wrong ? 1 : 0;
            if (aligned) {
                aTotal++;
                aCorrect += got == want ? 1 : 0;
                aOpposite += got == wrong ? 1 : 0;
            }
        }
        return new Tally(total, correct, opposite, aTotal, aCorrect, aOpposite);
    }

    private static void print(String name, Tally t) {
        System.out.printf("[pose accuracy] %s terminal-pose classification: all %d/%d = %.1f %% "
                        + "(opposite class %d); side-view frames %d/%d = %.1f %% (opposite %d)%n",
                name, t.correct(), t.total(), 100 * t.accuracy(), t.opposite(), t.alignedCorrect(),
                t.alignedTotal(), 100 * t.alignedAccuracy(), t.alignedOpposite());
    }

    @Test
    void pushUpThresholdsSeparateUpAndDownFrames() {
        // pose.md section 8 / README.md: pushups_up 201 frames, pushups_down 195 frames
        Tally t = tally(ExerciseKind.PUSH_UP, "pushups_up", "pushups_down");
        print("push-up", t);
        assertThat(t.total()).isEqualTo(201 + 195);
        assertThat(t.accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(t.alignedAccuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat((double) t.opposite() / t.total()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void squatThresholdsSeparateUpAndDownFrames() {
        // README.md: squats_up 191 frames, squats_down 225 frames
        Tally t = tally(ExerciseKind.SQUAT, "squats_up", "squats_down");
        print("squat", t);
        assertThat(t.total()).isEqualTo(191 + 225);
        assertThat(t.accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(t.alignedAccuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat((double) t.opposite() / t.total()).isLessThanOrEqualTo(0.02);
    }
}
