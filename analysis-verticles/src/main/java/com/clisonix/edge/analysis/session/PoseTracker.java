package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.pose.ExerciseAnalyzer;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.FormIssue;
import com.clisonix.edge.analysis.pose.FrameResult;
import com.clisonix.edge.analysis.pose.FrameStatus;
import com.clisonix.edge.analysis.pose.PoseEvent;
import com.clisonix.edge.analysis.pose.Skeleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The camera part of an athlete's state: one pose analyser per exercise, each exercise's tally
 * for the workout's exercise rows, the exercise shown in the live metrics (the most recent one)
 * and whether the last analysed view was misaligned. Pure; owned by {@link AthleteState}.
 */
final class PoseTracker {

    private final Map<ExerciseKind, ExerciseAnalyzer> analyzers = new EnumMap<>(ExerciseKind.class);
    private final Map<ExerciseKind, Tally> tallies = new EnumMap<>(ExerciseKind.class);
    private ExerciseKind exercise;
    private long arrivalMs = Long.MIN_VALUE;
    private boolean misaligned;

    /** One exercise's camera results in the current workout. */
    private static final class Tally {
        int reps;
        int partialReps;
        double setScore = Double.NaN;
        double holdSeconds;
        final Set<FormIssue> issues = new LinkedHashSet<>();
    }

    /**
     * One camera frame.
     *
     * @param exerciseName the track's exercise, or null for the athlete's most recent one
     * @param skeleton     the pose, or null when the frame's landmarks were unusable
     * @return the analyser's events, usually none; none when no exercise is known
     */
    List<PoseEvent> onFrame(long ts, String exerciseName, Skeleton skeleton, long nowMs) {
        ExerciseKind kind = exerciseName == null ? exercise : ExerciseKind.fromName(exerciseName).orElse(null);
        if (kind == null) {
            return List.of();
        }
        exercise = kind;
        arrivalMs = nowMs;
        FrameResult r = analyzers.computeIfAbsent(kind, ExerciseAnalyzer::new).onFrame(ts, skeleton);
        if (r.status() == FrameStatus.MISALIGNED) {
            misaligned = true;
        } else if (r.status() == FrameStatus.ANALYSED) {
            misaligned = false;
        }
        record(kind, r);
        return r.events();
    }

    /**
     * The workout's exercise results: a repetition counted just before the end still waits for
     * its top position, so every analyser is flushed at {@code flushTs} first.
     */
    List<ExerciseResult> finish(long flushTs) {
        for (Map.Entry<ExerciseKind, ExerciseAnalyzer> e : analyzers.entrySet()) {
            record(e.getKey(), e.getValue().flush(flushTs));
        }
        List<ExerciseResult> results = new ArrayList<>();
        for (Map.Entry<ExerciseKind, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (t.reps > 0 || t.partialReps > 0 || t.holdSeconds > 0 || !t.issues.isEmpty()) {
                results.add(new ExerciseResult(e.getKey(), t.reps, t.partialReps,
                        Double.isNaN(t.setScore) ? null : t.setScore, new ArrayList<>(t.issues), t.holdSeconds));
            }
        }
        return results;
    }

    /** Fresh analysers and counts (a workout starts or ends); the shown exercise is kept. */
    void clear() {
        analyzers.clear();
        tallies.clear();
    }

    /** The exercise shown in the metrics: the most recent one, or null. */
    ExerciseKind exercise() {
        return exercise;
    }

    /** Repetitions of the shown exercise in this workout; null when it is not counted (plank) or none is shown. */
    Integer shownReps() {
        if (exercise == null || !exercise.countsReps()) {
            return null;
        }
        Tally t = tallies.get(exercise);
        return t == null ? 0 : t.reps;
    }

    /** Set form score of the shown exercise, or NaN. */
    double shownScore() {
        Tally t = exercise == null ? null : tallies.get(exercise);
        return t == null ? Double.NaN : t.setScore;
    }

    boolean misaligned() {
        return misaligned;
    }

    /** Wall time of the newest analysed frame, or {@link Long#MIN_VALUE}. */
    long arrivalMs() {
        return arrivalMs;
    }

    private void record(ExerciseKind kind, FrameResult r) {
        Tally t = tallies.computeIfAbsent(kind, k -> new Tally());
        t.reps = r.reps();
        t.partialReps = r.partialReps();
        if (r.hasSetFormScore()) {
            t.setScore = r.setFormScore();
        }
        t.holdSeconds = r.holdSeconds();
        for (PoseEvent e : r.events()) {
            if (e instanceof PoseEvent.RepCounted rc) {
                t.issues.addAll(rc.issues());
            } else if (e instanceof PoseEvent.FormIssueDetected fi) {
                t.issues.add(fi.issue());
            }
        }
    }
}
