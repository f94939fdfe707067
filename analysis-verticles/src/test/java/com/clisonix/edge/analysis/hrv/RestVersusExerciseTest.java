package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * reference/README.md: rest_rri.txt was recorded lying down at rest for about a quarter of an hour;
 * exercise_rri.hrm holds a short seated rest, half an hour on a cycle ergometer and a recovery. training-science.md §7: vagal indices fall and
 * the Baevsky index rises when the sympathetic system takes over, as it does during exercise.
 */
class RestVersusExerciseTest {

    private final RrArtefactFilter filter = new RrArtefactFilter();
    private final HrvCalculator hrv = new HrvCalculator();

    /** The intervals recorded between two elapsed times (seconds) of a recording. */
    private static RrFilterResult phase(RrFilterResult all, double fromSeconds, double toSeconds) {
        double t = 0;
        int from = -1;
        int to = all.size();
        for (int i = 0; i < all.size(); i++) {
            t += all.intervalMs(i) / 1000;
            if (from < 0 && t >= fromSeconds) {
                from = i;
            }
            if (t >= toSeconds) {
                to = i;
                break;
            }
        }
        return all.slice(from, to);
    }

    @Test
    void cyclingHasFarLessVariabilityThanRest() {
        HrvMetrics rest = hrv.compute(filter.filter(RrSamples.intervals("rest_rri.txt"))).orElseThrow();
        // minutes 10-30 of the exercise file lie inside the cycling block
        RrFilterResult cyclingRr = phase(filter.filter(RrSamples.intervals("exercise_rri.hrm")), 600, 1800);
        HrvMetrics cycling = hrv.compute(cyclingRr).orElseThrow();

        assertThat(cyclingRr.size()).isGreaterThan(1500);
        assertThat(rest.meanHrBpm()).isBetween(50.0, 75.0);
        assertThat(cycling.meanHrBpm()).isGreaterThan(rest.meanHrBpm() + 25);
        assertThat(rest.rmssdMs()).isBetween(30.0, 80.0);
        assertThat(cycling.rmssdMs()).isLessThan(rest.rmssdMs() / 3);
        assertThat(cycling.sdnnMs()).isLessThan(rest.sdnnMs());
        assertThat(cycling.pnn50Percent()).isLessThan(rest.pnn50Percent());
    }

    @Test
    void baevskyIndexRisesDuringCycling() {
        BaevskyStressIndex si = new BaevskyStressIndex();
        BaevskyResult rest = si.compute(filter.filter(RrSamples.intervals("rest_rri.txt"))).orElseThrow();
        BaevskyResult cycling =
                si.compute(phase(filter.filter(RrSamples.intervals("exercise_rri.hrm")), 600, 1800)).orElseThrow();
        assertThat(rest.stressIndex()).isBetween(10.0, 150.0);
        assertThat(cycling.stressIndex()).isGreaterThan(2 * rest.stressIndex());
        assertThat(cycling.modeSeconds()).isLessThan(rest.modeSeconds());
    }
}
