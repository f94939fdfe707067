package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExerciseNamesTest {

    // CONTRACT.md §3: canonical names and the aliases clients send ("Push-ups", "push-up", "pushups")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Push-ups|push_up", "push-up|push_up", "pushups|push_up", "push_up|push_up", "PUSH UPS|push_up",
            "Squats|squat", "squat|squat", " squat |squat",
            "Deadlifts|deadlift", "deadlift|deadlift",
            "Lunges|lunge", "lunge|lunge",
            "Pull-ups|pull_up", "pullups|pull_up", "pull up|pull_up", "Chin-ups|pull_up", "chin-up|pull_up",
            "Planks|plank", "plank|plank",
            "Bicep Curls|bicep_curl", "biceps curl|bicep_curl", "bicep curl|bicep_curl", "bicep_curl|bicep_curl"
    })
    void aliasesMapToCanonicalNames(String given, String canonical) {
        assertThat(ExerciseNames.normalise(given)).isEqualTo(canonical);
    }

    @Test
    void unknownNamesAreKeptTrimmedAndLowerCased() {
        assertThat(ExerciseNames.normalise("  Kettlebell Swing ")).isEqualTo("kettlebell swing");
        assertThat(ExerciseNames.normalise("Burpees")).isEqualTo("burpees");
        // letters outside a-z are not an alias, so the given spelling survives
        assertThat(ExerciseNames.normalise("Liegestütze")).isEqualTo("liegestütze");
        // a plural "s" is stripped only to look up an alias, never from a kept name
        assertThat(ExerciseNames.normalise("Leg Press")).isEqualTo("leg press");
    }

    @Test
    void missingNamesBecomeEmpty() {
        assertThat(ExerciseNames.normalise(null)).isEmpty();
        assertThat(ExerciseNames.normalise("   ")).isEmpty();
    }

    @Test
    void everyCanonicalNameMapsToItself() {
        for (String name : ExerciseNames.CANONICAL) {
            assertThat(ExerciseNames.normalise(name)).isEqualTo(name);
        }
        assertThat(ExerciseNames.CANONICAL).hasSize(7);
    }

    // CONTRACT.md §3: for a plank, duration_seconds is the time held in good form
    @Test
    void onlyThePlankIsHeld() {
        assertThat(ExerciseNames.isHold(ExerciseNames.normalise("Planks"))).isTrue();
        assertThat(ExerciseNames.isHold("squat")).isFalse();
        assertThat(ExerciseNames.isHold("burpees")).isFalse();
    }
}
