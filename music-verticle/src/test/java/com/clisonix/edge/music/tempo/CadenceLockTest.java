package com.clisonix.edge.music.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CadenceLockTest {

    private static final double NOTHING_PLAYING = Double.NaN;

    @Test
    void runningCadenceLocksToHalfOrOneToOneWhicheverFits() {
        // training-science.md §8: bpm = cadence, or half or double
        assertThat(CadenceLock.lock(170, 80, 160, NOTHING_PLAYING)).hasValue(85.0);
        assertThat(CadenceLock.lock(170, 90, 180, NOTHING_PLAYING)).hasValue(170.0);
    }

    @Test
    void pedallingCadenceLocksToItsDouble() {
        // 60 rpm: 30 and 60 are below the default 90-160 bounds, 120 fits
        assertThat(CadenceLock.lock(60, 90, 160, NOTHING_PLAYING)).hasValue(120.0);
    }

    @Test
    void prefersOneToOneWhenSeveralFitAndNothingPlays() {
        assertThat(CadenceLock.lock(100, 40, 240, NOTHING_PLAYING)).hasValue(100.0);
    }

    @Test
    void prefersTheCandidateNearestTheCurrentTempo() {
        // 100 and 200 both fit 40-240; playing 180 makes 200 the smaller move
        assertThat(CadenceLock.lock(100, 40, 240, 180)).hasValue(200.0);
        assertThat(CadenceLock.lock(100, 40, 240, 60)).hasValue(50.0);
    }

    @Test
    void clampsTheNearestCandidateWhenNoneFits() {
        // 170 spm with 90-160: 85 is 5.9 % below 90, 170 is 6.25 % above 160, so 85 -> 90 wins
        assertThat(CadenceLock.lock(170, 90, 160, NOTHING_PLAYING)).hasValue(90.0);
        // 175 spm: 87.5 is 2.9 % below 90, 175 is 9.4 % above 160
        assertThat(CadenceLock.lock(175, 90, 160, NOTHING_PLAYING)).hasValue(90.0);
        // 330 spm: 165 is 3.1 % above 160; 330 and 660 are further away
        assertThat(CadenceLock.lock(330, 90, 160, NOTHING_PLAYING)).hasValue(160.0);
    }

    @Test
    void rejectsMeaninglessCadences() {
        assertThat(CadenceLock.lock(0, 90, 160, NOTHING_PLAYING)).isEmpty();
        assertThat(CadenceLock.lock(-80, 90, 160, NOTHING_PLAYING)).isEmpty();
        assertThat(CadenceLock.lock(Double.NaN, 90, 160, NOTHING_PLAYING)).isEmpty();
    }

    @Test
    void resultIsAlwaysInsideTheBoundsAndLockedWhenPossible() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            double min = 40 + random.nextDouble() * 100;
            double max = min + 1 + random.nextDouble() * (240 - min - 1);
            double cadence = 20 + random.nextDouble() * 220;
            double current = random.nextBoolean() ? NOTHING_PLAYING : min + random.nextDouble() * (max - min);
            OptionalDouble locked = CadenceLock.lock(cadence, min, max, current);
            assertThat(locked).isPresent();
            double bpm = locked.getAsDouble();
            assertThat(bpm).isBetween(min, max);
            boolean someCandidateFits = fits(cadence, min, max) || fits(cadence * 2, min, max)
                    || fits(cadence / 2, min, max);
            if (someCandidateFits) {
                assertThat(bpm).isIn(cadence, cadence * 2, cadence / 2);
            }
        }
    }

    private static boolean fits(double bpm, double min, double max) {
        return bpm >= min && bpm <= max;
    }
}
