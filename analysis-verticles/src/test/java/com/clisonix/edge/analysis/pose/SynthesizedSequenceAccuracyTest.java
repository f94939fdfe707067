package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.clisonix.edge.sensor.sim.pose.SimFault;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rep-count and plank-time accuracy on fully synthetic sequences with known ground truth
 * ({@link PoseSequenceSynthesizer}): 210 seeded clean sets, 30 per exercise, with random
 * repetitions (3-10), tempo (1.4-3.0 s per repetition), pixel jitter (0.5-3 px), occlusion
 * episodes (0-0.4 per second), dropped frames (0-10 %), facing direction, a camera up to 20 deg
 * off the ideal view, and world landmarks on half of them. Also counts false form alarms: any
 * issue raised on a clean set.
 */
class SynthesizedSequenceAccuracyTest {

    private static final int PER_EXERCISE = 30;

    @Test
    void cleanSetsAreCountedAndNotFlagged() {
        Random rnd = new Random(20261125L);
        Map<SimExercise, int[]> tally = new EnumMap<>(SimExercise.class);
        int sequences = 0;
        int exact = 0;
        int worst = 0;
        int falseAlarms = 0;
        double worstHoldError = 0;
        for (SimExercise ex : SimExercise.values()) {
            ExerciseKind kind = ExerciseKind.fromName(ex.wireName()).orElseThrow();
            int[] t = new int[3];
            for (int i = 0; i < PER_EXERCISE; i++) {
                SequenceSpec spec = randomSpec(ex, SimFault.NONE, rnd);
                PoseSequence seq = PoseSequenceSynthesizer.generate(spec);
                SequenceRun r = SequenceRun.of(kind, seq);
                sequences++;
                t[0]++;
                if (ex == SimExercise.PLANK) {
                    double err = Math.abs(r.holdSeconds - seq.goodHoldSeconds());
                    worstHoldError = Math.max(worstHoldError, err);
                    boolean ok = err <= 1.5;
                    exact += ok ? 1 : 0;
                    t[1] += ok ? 1 : 0;
                } else {
                    int err = Math.abs(r.reps - seq.fullReps());
                    exact += err == 0 ? 1 : 0;
                    t[1] += err == 0 ? 1 : 0;
                    worst = Math.max(worst, err);
                }
                if (!r.issues.isEmpty()) {
                    falseAlarms++;
                    t[2]++;
                }
            }
            tally.put(ex, t);
        }
        for (Map.Entry<SimExercise, int[]> e : tally.entrySet()) {
            System.out.printf("[pose accuracy] synthetic %s: exact %d/%d, sets with a false form "
                    + "alarm %d%n", e.getKey().wireName(), e.getValue()[1], e.getValue()[0],
                    e.getValue()[2]);
        }
        System.out.printf("[pose accuracy] synthetic all: exact %d/%d (%.1f %%), worst rep error "
                        + "%d, worst plank-time error %.2f s, false form alarms %d/%d sets%n",
                exact, sequences, 100.0 * exact / sequences, worst, worstHoldError, falseAlarms,
                sequences);
        assertThat((double) exact / sequences).isGreaterThanOrEqualTo(0.95);
        assertThat(worst).isLessThanOrEqualTo(1);
        assertThat(worstHoldError).isLessThanOrEqualTo(1.5);
        assertThat((double) falseAlarms / sequences).isLessThanOrEqualTo(0.05);
    }

    static SequenceSpec randomSpec(SimExercise ex, SimFault fault, Random rnd) {
        double idealYaw = ex.filmedFromSide() ? 0 : 90;
        double yaw = idealYaw + (rnd.nextDouble() * 2 - 1) * 20;
        return SequenceSpec.of(ex, 3 + rnd.nextInt(8), rnd.nextLong())
                .withFault(fault)
                .withTempo(1.4 + 1.6 * rnd.nextDouble(), 0.2 + 0.6 * rnd.nextDouble())
                .withHoldSeconds(10 + 30 * rnd.nextDouble())
                .withNoise(0.5 + 2.5 * rnd.nextDouble(), 0.4 * rnd.nextDouble(),
                        0.10 * rnd.nextDouble())
                .withCamera(30, 1280, 720, yaw, rnd.nextBoolean())
                .withWorld(rnd.nextBoolean());
    }
}
