package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadingEdgeThrottleTest {

    @Test
    void firstUpdateAndOneAfterAFullIntervalAreEmittedAtOnce() {
        LeadingEdgeThrottle t = new LeadingEdgeThrottle(1000);
        assertThat(t.offer(10_000)).isTrue();
        assertThat(t.offer(11_000)).as("exactly one interval later").isTrue();
        assertThat(t.offer(13_500)).isTrue();
        assertThat(t.pending()).isFalse();
    }

    @Test
    void updatesInsideTheIntervalAreCoalescedIntoOneTrailingEmission() {
        LeadingEdgeThrottle t = new LeadingEdgeThrottle(1000);
        assertThat(t.offer(0)).isTrue();
        assertThat(t.offer(200)).isFalse();
        assertThat(t.offer(700)).isFalse();
        assertThat(t.pending()).isTrue();
        assertThat(t.delayMs(700)).isEqualTo(300);
        assertThat(t.takeDue(900)).as("not yet due").isFalse();
        assertThat(t.takeDue(1000)).isTrue();
        assertThat(t.takeDue(1001)).as("taken once").isFalse();
        // the trailing emission restarts the interval: an update just after it waits again
        assertThat(t.offer(1100)).isFalse();
        assertThat(t.delayMs(1100)).isEqualTo(900);
    }

    @Test
    void nothingPendingMeansNoTrailingEmission() {
        LeadingEdgeThrottle t = new LeadingEdgeThrottle(1000);
        assertThat(t.offer(0)).isTrue();
        assertThat(t.takeDue(5000)).isFalse();
    }

    @Test
    void aDroppedRepeatIsNotAnEmission() {
        LeadingEdgeThrottle t = new LeadingEdgeThrottle(1000);
        assertThat(t.offer(0)).isTrue();
        assertThat(t.offer(5)).as("the same packet's second reading").isFalse();
        t.dropPending();
        assertThat(t.pending()).isFalse();
        assertThat(t.takeDue(1000)).isFalse();
        // the interval still counts from the real emission at 0: a reading at 1500 goes out at once
        assertThat(t.offer(1500)).isTrue();
    }
}
