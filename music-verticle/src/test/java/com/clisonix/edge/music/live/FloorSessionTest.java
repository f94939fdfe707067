package com.clisonix.edge.music.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FloorSessionTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration COOL_DOWN = Duration.ofMinutes(3);

    @Test
    void aClassStartsAndEndsTheSession() {
        FloorSession s = new FloorSession();
        assertThat(s.startedAt()).isEmpty();
        s.classStarted("c1", T0);
        assertThat(s.startedAt()).contains(T0);
        s.workoutStarted("w1", T0.plusSeconds(60));
        assertThat(s.startedAt()).as("a workout joining a class does not restart it").contains(T0);
        s.classEnded("other", T0.plusSeconds(100));
        assertThat(s.endingAt()).as("another class's end").isEmpty();
        s.classEnded("c1", T0.plusSeconds(3000));
        assertThat(s.endingAt()).contains(T0.plusSeconds(3000));
        assertThat(s.runningClass()).isEmpty();
        // athletes still training after the class: the cool-down runs, then the floor is open again
        s.settle(T0.plusSeconds(3000).plus(COOL_DOWN).minusMillis(1), COOL_DOWN);
        assertThat(s.endingAt()).isPresent();
        s.settle(T0.plusSeconds(3000).plus(COOL_DOWN), COOL_DOWN);
        assertThat(s.startedAt()).isEmpty();
        assertThat(s.endingAt()).isEmpty();
        assertThat(s.openWorkouts()).containsExactly("w1");
    }

    @Test
    void withoutAClassTheFirstAndLastWorkoutsShapeTheMusic() {
        FloorSession s = new FloorSession();
        s.workoutStarted("w1", T0);
        s.workoutStarted("w2", T0.plusSeconds(30));
        assertThat(s.startedAt()).contains(T0);
        s.workoutEnded("w1", T0.plusSeconds(600));
        assertThat(s.endingAt()).as("w2 still trains").isEmpty();
        s.workoutEnded("w2", T0.plusSeconds(900));
        assertThat(s.endingAt()).contains(T0.plusSeconds(900));
        // a workout opening during the cool-down starts a new session
        s.workoutStarted("w3", T0.plusSeconds(960));
        assertThat(s.startedAt()).contains(T0.plusSeconds(960));
        assertThat(s.endingAt()).isEmpty();
    }

    @Test
    void aRepeatedEndOrAnUnknownWorkoutChangesNothing() {
        FloorSession s = new FloorSession();
        s.workoutEnded("never-started", T0);
        assertThat(s.endingAt()).isEmpty();
        s.classStarted("c1", T0);
        s.workoutStarted("w1", T0);
        s.workoutEnded("w1", T0.plusSeconds(10));
        assertThat(s.endingAt()).as("the class goes on").isEmpty();
        s.classEnded("c1", T0.plusSeconds(20));
        s.classEnded("c1", T0.plusSeconds(40));
        assertThat(s.endingAt()).contains(T0.plusSeconds(20));
    }
}
