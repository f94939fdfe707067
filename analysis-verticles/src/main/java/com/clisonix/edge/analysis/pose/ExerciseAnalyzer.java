package com.clisonix.edge.analysis.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Live analysis of one athlete doing one exercise in front of one camera: smoothing, gating,
 * camera-alignment check, repetition counting, per-repetition form checks and scores, plank hold
 * timing. One instance per athlete and exercise; feed frames in time order. Pure (no Vert.x),
 * not thread-safe, and cheap: a frame costs a few microseconds and allocates only its result.
 *
 * <p>Per frame:
 * <ol>
 *   <li>Frames whose timestamp does not advance are ignored ({@link FrameStatus#OUT_OF_ORDER}).</li>
 *   <li>Landmarks below the visibility gate or outside the frame are unusable; the rest are
 *       smoothed ({@link PoseSmoother}). World landmarks are used when the camera sends them
 *       (3-D angles); otherwise pixel coordinates (2-D angles).</li>
 *   <li>Pixel mode only: the camera view is checked ({@link #SIDE_VIEW_MAX_RATIO},
 *       {@link #FRONT_VIEW_MIN_RATIO}). A wrong view pauses counting; after
 *       {@link #MISALIGNED_WARN_SECONDS} an {@link PoseEvent.AlignmentWarning} is raised, at most
 *       every {@link #WARNING_REPEAT_SECONDS}.</li>
 *   <li>A frame without the joints the exercise needs is skipped, not counted. After a gap of
 *       {@link #GAP_SECONDS} without usable frames, {@link #WARMUP_FRAMES} usable frames are
 *       needed before counting resumes (pose.md section 6: N consecutive valid frames).</li>
 *   <li>The repetition signal drives the {@link RepCounter}; the form measures feed the
 *       {@link RepFormTracker}. A counted repetition is scored {@link #SCORE_DELAY_SECONDS}
 *       later (or when the next one starts), so the top position is part of its checks.</li>
 * </ol>
 */
public final class ExerciseAnalyzer {

    /**
     * Side-view exercises: shoulder width over torso length above this means the athlete is seen
     * too far from the side (roughly 35-40 deg off for typical proportions; LearnOpenCV uses a
     * 35 deg nose-shoulder angle for the same purpose, pose.md section 4.2).
     */
    public static final double SIDE_VIEW_MAX_RATIO = 0.5;
    /** Front-view exercises (pull-ups): below this the athlete is seen from the side. */
    public static final double FRONT_VIEW_MIN_RATIO = 0.25;
    public static final double MISALIGNED_WARN_SECONDS = 0.5;
    public static final double WARNING_REPEAT_SECONDS = 10;
    public static final double GAP_SECONDS = 1.0;
    public static final int WARMUP_FRAMES = 3;
    public static final double SCORE_DELAY_SECONDS = 0.5;
    /**
     * After this long without a usable frame, the athlete's learned start position and side
     * ranges are forgotten: they may have moved, or someone else may stand there now. The same
     * span after which a stalled repetition is abandoned ({@link RepCounter#INACTIVITY_SECONDS}).
     */
    public static final double FORGET_SECONDS = RepCounter.INACTIVITY_SECONDS;

    private final ExerciseKind kind;
    private final RepCounter counter;
    private final PoseSmoother smoother = new PoseSmoother();
    private final PosePoints points = new PosePoints();
    private final FrameFeatures features = new FrameFeatures();
    private final RepFormTracker tracker = new RepFormTracker();
    private final SideRanges ranges = new SideRanges();
    private final PlankHoldTimer plank = new PlankHoldTimer();
    private final List<PoseEvent> events = new ArrayList<>(4);

    private long lastTs = Long.MIN_VALUE;
    private double lastUsableT = Double.NEGATIVE_INFINITY;
    private int consecutiveUsable;
    private int side = -1;
    private double misalignedSince = Double.NaN;
    private double lastWarningT = Double.NEGATIVE_INFINITY;
    private boolean pending;
    private int pendingRep;
    private double pendingT;
    private int partialReps;
    private double scoreSum;
    private int scoreCount;

    public ExerciseAnalyzer(ExerciseKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.counter = kind.countsReps() ? new RepCounter(RepThresholds.forExercise(kind)) : null;
    }

    public ExerciseKind exercise() {
        return kind;
    }

    /**
     * Analyses one frame.
     *
     * @param ts       frame time, epoch milliseconds
     * @param skeleton the athlete's pose, or {@code null} when the frame shows no one
     */
    public FrameResult onFrame(long ts, Skeleton skeleton) {
        events.clear();
        if (lastTs != Long.MIN_VALUE && ts <= lastTs) {
            return result(ts, FrameStatus.OUT_OF_ORDER);
        }
        lastTs = ts;
        double t = ts / 1000.0;
        if (pending && t - pendingT >= SCORE_DELAY_SECONDS) {
            finishPending(ts);
        }
        if (skeleton == null) {
            consecutiveUsable = 0;
            return result(ts, FrameStatus.NO_POSE);
        }
        if (t - lastUsableT > GAP_SECONDS) {
            smoother.reset();
            plank.gap();
            consecutiveUsable = 0;
            if (t - lastUsableT > FORGET_SECONDS) {
                ranges.reset();
                if (counter != null) {
                    counter.forgetTop();
                }
            }
        }
        smoother.apply(t, skeleton, true, points);
        FeatureExtractor.extract(kind, points, side, ranges.preferred(), features);

        if (misaligned(features.alignmentRatio)) {
            if (Double.isNaN(misalignedSince)) {
                misalignedSince = t;
            }
            if (t - misalignedSince >= MISALIGNED_WARN_SECONDS
                    && t - lastWarningT >= WARNING_REPEAT_SECONDS) {
                lastWarningT = t;
                events.add(new PoseEvent.AlignmentWarning(ts, kind, features.alignmentRatio,
                        kind.view()));
            }
            consecutiveUsable = 0;
            return result(ts, FrameStatus.MISALIGNED);
        }
        misalignedSince = Double.NaN;
        if (!features.countable) {
            consecutiveUsable = 0;
            return result(ts, FrameStatus.JOINTS_NOT_VISIBLE);
        }
        if (counter != null) {
            int limb = Math.max(0, features.side);
            counter.selectSource(limb, ranges.max(limb), ranges.min(limb));
        }
        side = features.side;
        lastUsableT = t;
        ranges.observe(features.sideSignal);
        if (++consecutiveUsable < WARMUP_FRAMES) {
            return result(ts, FrameStatus.WARMING_UP);
        }
        if (counter == null) {
            FormIssue issue = plank.update(t, features);
            if (issue != null) {
                events.add(new PoseEvent.FormIssueDetected(ts, issue));
            }
            return result(ts, FrameStatus.ANALYSED);
        }
        countAndCheck(ts, t);
        return result(ts, FrameStatus.ANALYSED);
    }

    /** Scores a counted repetition still waiting for its top position (end of a set). */
    public FrameResult flush(long ts) {
        events.clear();
        if (pending) {
            finishPending(ts);
        }
        return result(ts, FrameStatus.NO_POSE);
    }

    /** Repetitions counted so far. */
    public int reps() {
        return counter == null ? 0 : counter.reps();
    }

    /** Plank: seconds held in good form. */
    public double holdSeconds() {
        return plank.goodSeconds();
    }

    private void countAndCheck(long ts, double t) {
        RepCounter.Phase before = counter.phase();
        RepCounter.Outcome outcome = counter.update(t, features.signal, features.extendedOk,
                features.flexedOk);
        RepCounter.Phase after = counter.phase();
        boolean startsRep = before == RepCounter.Phase.EXTENDED && after != before
                || before == RepCounter.Phase.READY && after == RepCounter.Phase.FLEXED;
        if (startsRep) {
            if (pending) {
                finishPending(ts);
            }
            tracker.reset();
        }
        tracker.observe(features, after == RepCounter.Phase.EXTENDED);
        switch (outcome) {
            case REP -> {
                pending = true;
                pendingRep = counter.reps();
                pendingT = t;
            }
            case PARTIAL_FLEXION, PARTIAL_EXTENSION -> {
                FormIssue issue = partialIssue(outcome);
                partialReps++;
                // An incomplete movement is not judged further: it scores the flat partial penalty.
                addScore(FormRules.score(List.of(new Violation(issue, 0))));
                events.add(new PoseEvent.FormIssueDetected(ts, issue));
                if (outcome == RepCounter.Outcome.PARTIAL_EXTENSION) {
                    tracker.reset();
                }
            }
            default -> {
                // nothing to report
            }
        }
    }

    private void finishPending(long ts) {
        pending = false;
        List<Violation> v = FormRules.forRep(kind, tracker);
        double score = FormRules.score(v);
        addScore(score);
        List<FormIssue> issues = new ArrayList<>(v.size());
        for (Violation x : v) {
            issues.add(x.issue());
        }
        events.add(new PoseEvent.RepCounted(ts, pendingRep, score, issues));
    }

    private FormIssue partialIssue(RepCounter.Outcome outcome) {
        boolean extension = outcome == RepCounter.Outcome.PARTIAL_EXTENSION;
        return switch (kind) {
            case PUSH_UP -> FormIssue.PUSH_UP_SHALLOW;
            case SQUAT -> FormIssue.SQUAT_SHALLOW;
            case DEADLIFT -> FormIssue.DEADLIFT_PARTIAL;
            case LUNGE -> FormIssue.LUNGE_SHALLOW;
            case PULL_UP -> extension ? FormIssue.PULL_UP_NO_FULL_EXTENSION
                    : FormIssue.PULL_UP_CHIN_BELOW_BAR;
            case BICEP_CURL -> extension ? FormIssue.CURL_NO_FULL_EXTENSION
                    : FormIssue.CURL_PARTIAL_RANGE;
            case PLANK -> throw new IllegalStateException("a plank has no repetitions");
        };
    }

    private boolean misaligned(double ratio) {
        if (Double.isNaN(ratio)) {
            return false;
        }
        return kind.view() == ExerciseKind.CameraView.SIDE
                ? ratio > SIDE_VIEW_MAX_RATIO : ratio < FRONT_VIEW_MIN_RATIO;
    }

    private void addScore(double score) {
        scoreSum += score;
        scoreCount++;
    }

    private FrameResult result(long ts, FrameStatus status) {
        double setScore = counter == null ? plank.score()
                : scoreCount == 0 ? Double.NaN : scoreSum / scoreCount;
        return new FrameResult(ts, status, events, reps(), partialReps, setScore,
                plank.goodSeconds());
    }
}
