package com.clisonix.edge.analysis.pose;

import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a synthesised sequence through an analyser and keeps what the tests look at. */
final class SequenceRun {

    final int reps;
    final int partialReps;
    final double setScore;
    final double holdSeconds;
    final Set<FormIssue> issues = EnumSet.noneOf(FormIssue.class);
    final List<PoseEvent.RepCounted> repEvents = new ArrayList<>();
    final List<PoseEvent.FormIssueDetected> issueEvents = new ArrayList<>();
    final List<PoseEvent.AlignmentWarning> warnings = new ArrayList<>();
    final Map<FrameStatus, Integer> statuses = new EnumMap<>(FrameStatus.class);

    private SequenceRun(ExerciseKind kind, List<PoseSample> samples, int width, int height) {
        ExerciseAnalyzer a = new ExerciseAnalyzer(kind);
        FrameResult last = null;
        long lastTs = 0;
        for (PoseSample s : samples) {
            Skeleton sk = Skeleton.fromNormalised(s.landmarks(), width, height, s.world());
            last = a.onFrame(s.tsMillis(), sk);
            statuses.merge(last.status(), 1, Integer::sum);
            collect(last);
            lastTs = s.tsMillis();
        }
        FrameResult end = a.flush(lastTs + 1);
        collect(end);
        reps = end.reps();
        partialReps = end.partialReps();
        setScore = end.setFormScore();
        holdSeconds = end.holdSeconds();
    }

    static SequenceRun of(ExerciseKind kind, PoseSequence seq) {
        return new SequenceRun(kind, seq.samples(), seq.spec().width(), seq.spec().height());
    }

    static SequenceRun of(ExerciseKind kind, List<PoseSample> samples, int width, int height) {
        return new SequenceRun(kind, samples, width, height);
    }

    private void collect(FrameResult r) {
        for (PoseEvent e : r.events()) {
            if (e instanceof PoseEvent.RepCounted rc) {
                repEvents.add(rc);
                issues.addAll(rc.issues());
            } else if (e instanceof PoseEvent.FormIssueDetected fi) {
                issueEvents.add(fi);
                issues.add(fi.issue());
            } else if (e instanceof PoseEvent.AlignmentWarning w) {
                warnings.add(w);
            }
        }
    }

    @Override
    public String toString() {
        return "reps=" + reps + " partial=" + partialReps + " score=" + Math.round(setScore)
                + " hold=" + Math.round(holdSeconds * 10) / 10.0 + " issues=" + issues
                + " warnings=" + warnings.size() + " statuses=" + statuses;
    }
}
