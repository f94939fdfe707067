package com.clisonix.edge.analysis.pose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseKindTest {

    // CONTRACT.md section 3: wire names and aliases such as "Push-ups", "push-up", "pushups";
    // fitness-module-spec.md "Supported Exercises" and the Exercise example ("Push-ups")
    @ParameterizedTest
    @CsvSource({
        "push_up, PUSH_UP", "Push-ups, PUSH_UP", "push-up, PUSH_UP", "pushups, PUSH_UP",
        "PUSH UP, PUSH_UP", "Squats, SQUAT", "squat, SQUAT", "Deadlift, DEADLIFT",
        "deadlifts, DEADLIFT", "Lunges, LUNGE", "pull_up, PULL_UP", "Pull-ups, PULL_UP",
        "chin-ups, PULL_UP", "Plank, PLANK", "Bicep Curls, BICEP_CURL", "bicep_curl, BICEP_CURL",
        "Biceps curl, BICEP_CURL"
    })
    void aliasesMapToTheirKind(String name, ExerciseKind kind) {
        assertThat(ExerciseKind.fromName(name)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench press", "burpees", "", "   ", "s", "pushupss x"})
    void unknownNamesAreEmpty(String name) {
        assertThat(ExerciseKind.fromName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"push_up", "squat", "deadlift", "lunge", "pull_up", "plank", "bicep_curl"})
    void wireNamesRoundTrip(String wire) {
        assertThat(ExerciseKind.fromName(wire).orElseThrow().wireName()).isEqualTo(wire);
    }

    @Test
    void nullIsEmpty() {
        assertThat(ExerciseKind.fromName(null)).isEmpty();
    }
}
