package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class RepCounterTest {

    private static final RepThresholds PUSH_UP = RepThresholds.forExercise(ExerciseKind.PUSH_UP);

    @Test
    void thresholdsMatchTheStartingTable() {
        // pose.md section 5, push-up row: top > 155-160 (exit < 145), bottom < 90-95 (exit > 105)
        assertThat(PUSH_UP.extendedEnter()).isBetween(155.0, 160.0);
        assertThat(PUSH_UP.extendedExit()).isEqualTo(145.0);
        assertThat(PUSH_UP.flexedEnter()).isBetween(90.0, 95.0);
        assertThat(PUSH_UP.flexedExit()).isEqualTo(105.0);
        // pose.md section 6: minimum 0.5 s between repetitions
        assertThat(PUSH_UP.minRepSeconds()).isEqualTo(0.5);
    }

    @Test
    void countsOnTheReturnToTheStart() {
        RepCounter c = new RepCounter(PUSH_UP);
        assertThat(c.update(0.0, 170, true, true)).isEqualTo(RepCounter.Outcome.NONE);
        assertThat(c.update(0.5, 80, true, true)).isEqualTo(RepCounter.Outcome.NONE);
        assertThat(c.reps()).isZero();
        assertThat(c.update(1.0, 170, true, true)).isEqualTo(RepCounter.Outcome.REP);
        assertThat(c.reps()).isEqualTo(1);
    }

    @Test
    void waitsForTheStartPositionBeforeCounting() {
        // pose.md section 7: counted while getting into position (ExerSights#66)
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0.0, 60, true, true);
        c.update(1.0, 170, true, true);
        assertThat(c.reps()).isZero();
    }

    @Test
    void jitterInsideTheHysteresisBandCountsNothing() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0, 170, true, true);
        for (int i = 1; i < 300; i++) {
            c.update(i / 30.0, i % 2 == 0 ? 100 : 150, true, true);
        }
        assertThat(c.reps()).isZero();
    }

    @Test
    void bounceFasterThanTheMinimumIntervalIsNotARep() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0.0, 170, true, true);
        c.update(0.3, 80, true, true);
        assertThat(c.update(0.6, 170, true, true)).isEqualTo(RepCounter.Outcome.REP);
        c.update(0.7, 80, true, true);
        assertThat(c.update(0.8, 170, true, true)).isEqualTo(RepCounter.Outcome.NONE);
        assertThat(c.reps()).isEqualTo(1);
    }

    @Test
    void shallowDescentIsReportedAsPartial() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0, 170, true, true);
        c.update(0.5, 120, true, true);
        assertThat(c.update(1.0, 170, true, true)).isEqualTo(RepCounter.Outcome.PARTIAL_FLEXION);
        assertThat(c.reps()).isZero();
    }

    @Test
    void pullUpNeedsTheChinAboveTheHands() {
        RepCounter c = new RepCounter(RepThresholds.forExercise(ExerciseKind.PULL_UP));
        c.update(0, 175, true, true);
        c.update(1, 60, true, false);
        assertThat(c.update(2, 175, true, true)).isEqualTo(RepCounter.Outcome.PARTIAL_FLEXION);
        c.update(3, 60, true, true);
        assertThat(c.update(4, 175, true, true)).isEqualTo(RepCounter.Outcome.REP);
    }

    @Test
    void incompleteExtensionIsReportedWhereEnabled() {
        RepCounter c = new RepCounter(RepThresholds.forExercise(ExerciseKind.BICEP_CURL));
        c.update(0, 170, true, true);
        c.update(1, 40, true, true);
        c.update(2, 130, true, true);
        assertThat(c.update(3, 40, true, true)).isEqualTo(RepCounter.Outcome.PARTIAL_EXTENSION);
        assertThat(c.update(4, 170, true, true)).isEqualTo(RepCounter.Outcome.REP);
    }

    @Test
    void deadliftMayStartFromTheFloor() {
        RepCounter c = new RepCounter(RepThresholds.forExercise(ExerciseKind.DEADLIFT));
        c.update(0, 90, true, true);
        assertThat(c.update(1.5, 175, true, true)).isEqualTo(RepCounter.Outcome.REP);
    }

    @Test
    void stalledRepetitionIsAbandonedAfterInactivity() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0, 170, true, true);
        c.update(1, 80, true, true);
        c.update(1 + RepCounter.INACTIVITY_SECONDS + 1, 80, true, true);
        assertThat(c.phase()).isEqualTo(RepCounter.Phase.READY);
        assertThat(c.update(40, 170, true, true)).isEqualTo(RepCounter.Outcome.NONE);
    }

    @Test
    void startPositionBelowTheTableIsLearnedFromTheFirstExcursion() {
        // a turned camera shows a locked-out push-up at 140 deg: below the table's 155
        RepCounter c = new RepCounter(PUSH_UP);
        double t = 0;
        c.update(t, 140, true, true);
        int reps = 0;
        for (int i = 0; i < 5; i++) {
            c.update(t += 0.5, 110, true, true);
            c.update(t += 0.5, 80, true, true);
            c.update(t += 0.5, 110, true, true);
            if (c.update(t += 0.5, 139, true, true) == RepCounter.Outcome.REP) {
                reps++;
            }
        }
        assertThat(reps).isEqualTo(5);
        assertThat(c.reps()).isEqualTo(5);
        assertThat(c.extendedEnter()).isEqualTo(140 - RepCounter.TOP_MARGIN);
    }

    @Test
    void learnedStartPositionKeepsTheDepthStandard() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0, 140, true, true);
        c.update(1, 80, true, true);
        assertThat(c.update(2, 140, true, true)).isEqualTo(RepCounter.Outcome.REP);
        // not deep enough: the flexed threshold (95) never moves; the partial one moved with the
        // start position (130 - 25 = 105)
        c.update(3, 100, true, true);
        assertThat(c.update(4, 140, true, true)).isEqualTo(RepCounter.Outcome.PARTIAL_FLEXION);
        assertThat(c.reps()).isEqualTo(1);
    }

    @Test
    void startPositionIsLoweredByAtMostTheBound() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.update(0, 128, true, true);
        c.update(1, 80, true, true);
        // 128 - 10 would be 118: held at the lowest allowed, 155 - 30
        assertThat(c.extendedEnter()).isEqualTo(125);
        RepCounter low = new RepCounter(PUSH_UP);
        // a "top" of 118 deg is no start position: nothing is learned, nothing counted
        low.update(0, 118, true, true);
        low.update(1, 80, true, true);
        low.update(2, 118, true, true);
        assertThat(low.reps()).isZero();
        assertThat(low.extendedEnter()).isEqualTo(PUSH_UP.extendedEnter());
        assertThat(PUSH_UP.extendedEnter() - RepCounter.maxTopShift(PUSH_UP))
                .isEqualTo(125.0);
    }

    @Test
    void eachLimbKeepsItsOwnStartPosition() {
        RepCounter c = new RepCounter(PUSH_UP);
        c.selectSource(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        c.update(0, 140, true, true);
        c.update(1, 80, true, true);
        assertThat(c.extendedEnter()).isEqualTo(130);
        // the other limb has shown 170 at most and was never flexed: the table applies to it
        c.selectSource(1, 170, 120);
        assertThat(c.extendedEnter()).isEqualTo(155);
        assertThat(c.update(2, 140, true, true)).isEqualTo(RepCounter.Outcome.NONE);
        c.selectSource(0, 140, 80);
        assertThat(c.update(3, 140, true, true)).isEqualTo(RepCounter.Outcome.REP);
    }

    @Test
    void sideRangesPreferTheLimbThatMovesMore() {
        SideRanges r = new SideRanges();
        r.observe(new double[] {170, 168});
        assertThat(r.preferred()).isEqualTo(-1);
        r.observe(new double[] {150, 120});
        assertThat(r.preferred()).isEqualTo(1);
        // a few degrees more on the left is jitter, not a reason to switch back
        r.observe(new double[] {118, 121});
        assertThat(r.preferred()).isEqualTo(1);
        r.observe(new double[] {100, Double.NaN});
        assertThat(r.preferred()).isEqualTo(0);
        r.reset();
        assertThat(r.preferred()).isEqualTo(-1);
    }

    @Test
    void cleanSquareWaveCountsEveryCycle() {
        qt().withExamples(200).forAll(integers().between(0, 40), integers().between(15, 90))
                .checkAssert((cycles, framesPerHalf) -> {
                    RepCounter c = new RepCounter(PUSH_UP);
                    double t = 0;
                    c.update(t, 170, true, true);
                    for (int i = 0; i < cycles; i++) {
                        for (int k = 0; k < framesPerHalf; k++) {
                            t += 1 / 30.0;
                            c.update(t, 170 - 100.0 * k / (framesPerHalf - 1), true, true);
                        }
                        for (int k = 0; k < framesPerHalf; k++) {
                            t += 1 / 30.0;
                            c.update(t, 70 + 100.0 * k / (framesPerHalf - 1), true, true);
                        }
                    }
                    assertThat(c.reps()).isEqualTo(cycles);
                });
    }
}
