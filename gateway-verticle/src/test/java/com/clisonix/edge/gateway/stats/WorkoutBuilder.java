package com.clisonix.edge.gateway.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds {@link WorkoutFacts} for tests; times are given in the gym's local time. */
final class WorkoutBuilder {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final UUID id = new UUID(0x5747L, SEQUENCE.incrementAndGet());
    private final Instant startedAt;
    private Instant endedAt;
    private Integer durationMinutes;
    private Double calories;
    private Double averageHeartRate;
    private Double maxHeartRate;
    private Double distanceKm;
    private Integer steps;
    private boolean completed = true;
    private final List<ExerciseFacts> exercises = new ArrayList<>();

    private WorkoutBuilder(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** A workout starting at {@code localDateTime} (ISO, e.g. "2025-03-30T23:30") in {@code zone}. */
    static WorkoutBuilder at(ZoneId zone, String localDateTime) {
        return new WorkoutBuilder(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    static WorkoutBuilder at(Instant start) {
        return new WorkoutBuilder(start);
    }

    /** Ends the workout {@code minutes} later and stores that duration. */
    WorkoutBuilder minutes(int minutes) {
        this.endedAt = startedAt.plus(Duration.ofMinutes(minutes));
        this.durationMinutes = minutes;
        return this;
    }

    /** Ends the workout after {@code duration} without a stored duration_minutes. */
    WorkoutBuilder lastingWithoutStoredDuration(Duration duration) {
        this.endedAt = startedAt.plus(duration);
        this.durationMinutes = null;
        return this;
    }

    WorkoutBuilder endedAt(Instant end) {
        this.endedAt = end;
        return this;
    }

    WorkoutBuilder storedDuration(Integer minutes) {
        this.durationMinutes = minutes;
        return this;
    }

    WorkoutBuilder open() {
        this.endedAt = null;
        return this;
    }

    WorkoutBuilder calories(Double kcal) {
        this.calories = kcal;
        return this;
    }

    WorkoutBuilder heartRate(Double average, Double max) {
        this.averageHeartRate = average;
        this.maxHeartRate = max;
        return this;
    }

    WorkoutBuilder distanceKm(Double km) {
        this.distanceKm = km;
        return this;
    }

    WorkoutBuilder steps(Integer steps) {
        this.steps = steps;
        return this;
    }

    WorkoutBuilder completed(boolean completed) {
        this.completed = completed;
        return this;
    }

    WorkoutBuilder exercise(String name, Integer reps, Integer repsCounted, Double formScore,
                            Integer durationSeconds) {
        exercises.add(new ExerciseFacts(name, reps, repsCounted, formScore, durationSeconds));
        return this;
    }

    /** An exercise with only a form score. */
    WorkoutBuilder scored(String name, double formScore) {
        return exercise(name, null, null, formScore, null);
    }

    WorkoutFacts build() {
        return new WorkoutFacts(id, startedAt, endedAt, durationMinutes, calories, averageHeartRate,
                maxHeartRate, distanceKm, steps, completed, exercises);
    }
}
