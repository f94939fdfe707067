package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.hr.HeartRateSummary;
import com.clisonix.edge.analysis.pose.FormIssue;
import java.util.List;
import java.util.Locale;

/**
 * Writes a workout's {@code ai_feedback} from its own record only: time in the heart-rate zones,
 * effort points, and per exercise the counted reps, the set's form score and the first
 * correction. No model and no invented praise: every sentence states a figure of this workout, so
 * the text is reproducible and cannot contradict the numbers beside it.
 *
 * <p>Intensity wording: "mostly easy" when zones 1-2 hold at least 60 % of the zoned time, "hard"
 * when zones 4-5 hold at least 40 %, "moderate" otherwise (zones as configured, Myzone's
 * 50/60/70/80/90 % HRmax by default). Form wording: 85 and above "clean", 70-85 "mostly good",
 * below 70 "needs work".
 */
public final class WorkoutFeedbackWriter {

    private WorkoutFeedbackWriter() {
    }

    public static String write(WorkoutAnalysis analysis) {
        StringBuilder sb = new StringBuilder();
        HeartRateSummary hr = analysis.heartRate();
        List<Double> zones = hr.zoneSeconds();
        double zoned = 0;
        for (int z = 1; z < zones.size(); z++) {
            zoned += zones.get(z);
        }
        if (hr.samples() > 0 && zoned >= 60) {
            double easy = zones.get(1) + zones.get(2);
            double hard = zones.get(4) + zones.get(5);
            String intensity = easy / zoned >= 0.6 ? "mostly easy" : hard / zoned >= 0.4 ? "hard" : "moderate";
            sb.append(String.format(Locale.ROOT, "A %s session: %d min in zones 4-5, %d min in zone 3, %d min in "
                            + "zones 1-2, %.0f effort points.", intensity, Math.round(hard / 60),
                    Math.round(zones.get(3) / 60), Math.round(easy / 60), hr.effortPoints()));
            if (hr.averageHeartRate() != null) {
                sb.append(String.format(Locale.ROOT, " Average heart rate %.0f bpm, peak %d bpm.",
                        hr.averageHeartRate(), hr.maxHeartRate()));
            }
            hr.hrMaxRaise().ifPresent(r -> sb.append(String.format(Locale.ROOT,
                    " You held a rate above your recorded maximum: it is raised to %.0f bpm.", r.proposedBpm())));
        } else if (hr.samples() > 0) {
            sb.append(String.format(Locale.ROOT, "Heart rate recorded (average %.0f bpm) but too little time in the "
                    + "zones to judge intensity.", hr.averageHeartRate()));
        } else {
            sb.append("No heart rate was recorded: pair a strap to see zones and effort next time.");
        }
        for (ExerciseResult e : analysis.exercises()) {
            sb.append(' ').append(e.kind().displayName()).append(": ");
            if (e.kind().countsReps()) {
                sb.append(e.reps()).append(e.reps() == 1 ? " rep" : " reps");
                if (e.partialReps() > 0) {
                    sb.append(" (").append(e.partialReps()).append(" partial not counted)");
                }
            } else {
                sb.append(Math.round(e.holdSeconds())).append(" s held in good form");
            }
            if (e.formScore() != null) {
                double score = e.formScore();
                sb.append(String.format(Locale.ROOT, ", form %.0f/100 (%s)", score,
                        score >= 85 ? "clean" : score >= 70 ? "mostly good" : "needs work"));
            }
            if (!e.issues().isEmpty()) {
                FormIssue first = e.issues().get(0);
                sb.append(". Work on: ").append(first.recommendation().toLowerCase(Locale.ROOT).charAt(0))
                        .append(first.recommendation().substring(1));
            }
            sb.append('.');
        }
        return sb.toString();
    }
}
