package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.clisonix.edge.sensor.sim.pose.SimFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every fault the synthesiser can act out must be reported with its issue, with the repetition
 * count the fault implies (partial attempts are not counted), under the same random camera and
 * noise conditions as {@link SynthesizedSequenceAccuracyTest}. False alarms on clean sets are
 * measured there.
 */
class FormFaultDetectionTest {

    private static final int SEEDS = 12;

    /** Which issue each synthetic fault must raise, per exercise. */
    private static final Map<String, FormIssue> EXPECTED = Map.ofEntries(
            Map.entry("PUSH_UP/HIP_SAG", FormIssue.PUSH_UP_HIP_SAG),
            Map.entry("PUSH_UP/HIP_PIKE", FormIssue.PUSH_UP_HIP_PIKE),
            Map.entry("PUSH_UP/SHALLOW", FormIssue.PUSH_UP_SHALLOW),
            Map.entry("SQUAT/SHALLOW", FormIssue.SQUAT_SHALLOW),
            Map.entry("SQUAT/KNEE_OVER_TOE", FormIssue.SQUAT_KNEE_OVER_TOE),
            Map.entry("SQUAT/TORSO_LEAN", FormIssue.SQUAT_TORSO_LEAN),
            Map.entry("DEADLIFT/SHALLOW", FormIssue.DEADLIFT_PARTIAL),
            Map.entry("DEADLIFT/BACK_TOO_HORIZONTAL", FormIssue.DEADLIFT_BACK_TOO_HORIZONTAL),
            Map.entry("DEADLIFT/INCOMPLETE_LOCKOUT", FormIssue.DEADLIFT_INCOMPLETE_LOCKOUT),
            Map.entry("LUNGE/SHALLOW", FormIssue.LUNGE_SHALLOW),
            Map.entry("LUNGE/KNEE_OVER_TOE", FormIssue.LUNGE_KNEE_PAST_TOES),
            Map.entry("LUNGE/TORSO_LEAN", FormIssue.LUNGE_TORSO_LEAN),
            Map.entry("PULL_UP/CHIN_BELOW_BAR", FormIssue.PULL_UP_CHIN_BELOW_BAR),
            Map.entry("PULL_UP/NO_FULL_EXTENSION", FormIssue.PULL_UP_NO_FULL_EXTENSION),
            Map.entry("PLANK/HIP_SAG", FormIssue.PLANK_HIP_SAG),
            Map.entry("PLANK/HIP_PIKE", FormIssue.PLANK_HIP_PIKE),
            Map.entry("BICEP_CURL/SHALLOW", FormIssue.CURL_PARTIAL_RANGE),
            Map.entry("BICEP_CURL/NO_FULL_EXTENSION", FormIssue.CURL_NO_FULL_EXTENSION),
            Map.entry("BICEP_CURL/LOOSE_UPPER_ARM", FormIssue.CURL_LOOSE_UPPER_ARM),
            Map.entry("BICEP_CURL/BODY_SWING", FormIssue.CURL_BODY_SWING));

    @Test
    void everySynthesisedFaultIsFlaggedWithItsIssue() {
        Random rnd = new Random(424242L);
        List<String> misses = new ArrayList<>();
        int runs = 0;
        int flagged = 0;
        int countOk = 0;
        for (SimExercise ex : SimExercise.values()) {
            ExerciseKind kind = ExerciseKind.fromName(ex.wireName()).orElseThrow();
            for (SimFault fault : SimFault.values()) {
                if (fault == SimFault.NONE || !fault.appliesTo(ex)) {
                    continue;
                }
                FormIssue want = EXPECTED.get(ex + "/" + fault);
                assertThat(want).as("expected issue for %s/%s", ex, fault).isNotNull();
                assertThat(want.exercise()).isEqualTo(kind);
                for (int i = 0; i < SEEDS; i++) {
                    SequenceSpec spec = SynthesizedSequenceAccuracyTest.randomSpec(ex, fault, rnd);
                    PoseSequence seq = PoseSequenceSynthesizer.generate(spec);
                    SequenceRun r = SequenceRun.of(kind, seq);
                    runs++;
                    if (r.issues.contains(want)) {
                        flagged++;
                    } else {
                        misses.add(ex + "/" + fault + " seed " + spec.seed() + ": " + r);
                    }
                    if (ex == SimExercise.PLANK || r.reps == seq.fullReps()) {
                        countOk++;
                    }
                }
            }
        }
        System.out.printf("[pose accuracy] synthetic faults: flagged %d/%d sets, rep count as "
                + "implied by the fault %d/%d%n", flagged, runs, countOk, runs);
        misses.forEach(m -> System.out.println("[pose accuracy] missed " + m));
        assertThat((double) flagged / runs).isGreaterThanOrEqualTo(0.95);
        assertThat((double) countOk / runs).isGreaterThanOrEqualTo(0.95);
    }
}
