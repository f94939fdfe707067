package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.hr.AthleteProfile;
import com.clisonix.edge.analysis.hr.HeartRateSummary;
import com.clisonix.edge.analysis.pose.FormIssue;
import com.clisonix.edge.analysis.pose.PoseEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * The wire forms of what the athlete actors publish and answer: {@code AthleteMetrics},
 * {@code FloorEvent}s, the workout summary, the ALBA payload, and the profile snapshot they read.
 */
public final class AthleteJson {

    private AthleteJson() {
    }

    /** {@code AthleteMetrics} exactly as CONTRACT.md section 4 lists it. */
    public static JsonObject metrics(AthleteMetrics m) {
        JsonArray alerts = new JsonArray();
        m.alerts().forEach(alerts::add);
        return new JsonObject()
                .put("user_id", m.userId().toString())
                .put("username", m.username())
                .put("ts", m.ts() == null ? null : Instant.ofEpochMilli(m.ts()).toString())
                .put("workout_id", str(m.workoutId()))
                .put("class_id", str(m.classId()))
                .put("heart_rate", m.heartRate())
                .put("hr_max", m.hrMax())
                .put("pct_hr_max", m.pctHrMax())
                .put("pct_hrr", m.pctHrr())
                .put("zone", m.zone())
                .put("zone_color", m.zoneColor())
                .put("calories", m.calories())
                .put("effort_points", m.effortPoints())
                .put("minutes_high_zone", m.minutesHighZone())
                .put("trimp", m.trimp())
                .put("hrv_rmssd", m.hrvRmssd())
                .put("stress_level", m.stressLevel())
                .put("emotional_state", m.emotionalState())
                .put("exercise", m.exercise())
                .put("reps_counted", m.repsCounted())
                .put("form_score", m.formScore())
                .put("power", m.power())
                .put("cadence", m.cadence())
                .put("speed", m.speed())
                .put("distance", m.distance())
                .put("alerts", alerts);
    }

    /** A pose event as a {@code FloorEvent} ({@code rep}, {@code form_issue}, or an {@code alert}). */
    public static JsonObject poseEvent(UUID userId, String exercise, PoseEvent e) {
        JsonObject o = new JsonObject().put("user_id", userId.toString()).put("ts", Instant.ofEpochMilli(e.ts()).toString())
                .put("exercise", exercise);
        if (e instanceof PoseEvent.RepCounted rc) {
            JsonArray issues = new JsonArray();
            JsonArray corrections = new JsonArray();
            String audio = null;
            for (FormIssue i : rc.issues()) {
                issues.add(i.issue());
                corrections.add(i.recommendation());
                audio = audio == null ? i.audioCoaching() : audio;
            }
            return o.put("kind", "rep").put("rep", rc.rep()).put("form_score", Math.round(rc.formScore() * 10) / 10.0)
                    .put("form_issues", issues).put("recommended_form_corrections", corrections)
                    .put("audio_coaching", audio);
        }
        if (e instanceof PoseEvent.FormIssueDetected fi) {
            return o.put("kind", "form_issue").put("issue", fi.issue().code()).put("form_issue", fi.issue().issue())
                    .put("recommendation", fi.issue().recommendation())
                    .put("audio_coaching", fi.issue().audioCoaching());
        }
        PoseEvent.AlignmentWarning w = (PoseEvent.AlignmentWarning) e;
        return o.put("kind", "alert").put("alert", AthleteAlert.CAMERA_MISALIGNED.code()).put("message", w.message());
    }

    /** A safety alert that has just come on, as a {@code FloorEvent}. */
    public static JsonObject alert(UUID userId, AthleteAlert a, long nowMs) {
        return new JsonObject().put("kind", "alert").put("user_id", userId.toString())
                .put("ts", Instant.ofEpochMilli(nowMs).toString()).put("alert", a.code()).put("message", a.message());
    }

    /** The reply to {@code athlete.summary}. */
    public static JsonObject summary(WorkoutAnalysis w) {
        HeartRateSummary hr = w.heartRate();
        JsonObject zoneMinutes = new JsonObject();
        for (int z = 0; z < hr.zoneSeconds().size(); z++) {
            zoneMinutes.put(z == 0 ? "below" : "zone" + z, round2(hr.zoneSeconds().get(z) / 60.0));
        }
        JsonArray exercises = new JsonArray();
        for (ExerciseResult e : w.exercises()) {
            JsonArray issues = new JsonArray();
            JsonArray corrections = new JsonArray();
            String audio = null;
            for (FormIssue i : e.issues()) {
                issues.add(i.issue());
                corrections.add(i.recommendation());
                audio = audio == null ? i.audioCoaching() : audio;
            }
            exercises.add(new JsonObject().put("exercise", e.kind().wireName())
                    .put("counts_reps", e.kind().countsReps())
                    .put("reps_counted", e.reps()).put("partial_reps", e.partialReps())
                    .put("form_score", e.formScore() == null ? null : round2(e.formScore()))
                    .put("form_issues", issues).put("recommended_form_corrections", corrections)
                    .put("audio_coaching", audio).put("hold_seconds", round2(e.holdSeconds())));
        }
        return new JsonObject()
                .put("user_id", w.userId().toString())
                .put("workout_id", w.workoutId().toString())
                .put("samples", hr.samples())
                .put("heart_rate_seconds", round2(hr.integratedSeconds()))
                .put("average_heart_rate", hr.averageHeartRate() == null ? null : round2(hr.averageHeartRate()))
                .put("max_heart_rate", hr.maxHeartRate())
                .put("min_heart_rate", hr.minHeartRate())
                .put("total_calories_burned", hr.calories() == null ? null : round2(hr.calories()))
                .put("effort_points", round2(hr.effortPoints()))
                .put("minutes_high_zone", round2(hr.minutesHighZone()))
                .put("zone_minutes", zoneMinutes)
                .put("trimp", hr.trimp() == null ? null : round2(hr.trimp()))
                .put("edwards_trimp", hr.edwardsTrimp() == null ? null : round2(hr.edwardsTrimp()))
                .put("seconds_above_hr_max", round2(hr.secondsAboveHrMax()))
                .put("hr_max", w.hrMax().map(h -> round2(h.bpm())).orElse(null))
                .put("hr_max_raise", hr.hrMaxRaise().map(r -> round2(r.proposedBpm())).orElse(null))
                .put("exercises", exercises)
                .put("ai_feedback", WorkoutFeedbackWriter.write(w));
    }

    /**
     * The specification's ALBA payload ({@code sensors}, {@code channels}, {@code metadata}) for
     * {@code {root}/live/{userId}}.
     */
    public static JsonObject alba(AthleteState s, AthleteMetrics m, long nowMs) {
        var emotion = s.emotion(nowMs);
        boolean eyes = s.eyesFresh(nowMs);
        Double kcalPerMin = s.caloriesPerMinute(nowMs);
        JsonObject sensors = new JsonObject()
                .put("heart_rate", m.heartRate())
                .put("calories_per_min", kcalPerMin == null ? null : round2(kcalPerMin))
                .put("emotional_state_confidence", emotion.map(e -> round2(e.confidence())).orElse(null))
                .put("form_score", m.formScore())
                .put("stress_level", m.stressLevel())
                .put("pupil_size", eyes ? s.pupilSize() : null)
                .put("blink_rate", eyes ? s.blinkRate() : null);
        JsonObject channels = new JsonObject()
                .put("biometrics", s.heartRateSource())
                .put("pose", s.poseFresh(nowMs) ? "camera" : null)
                .put("emotions", eyes ? "camera" : null);
        JsonObject metadata = new JsonObject()
                .put("user_id", m.userId().toString())
                .put("workout_id", str(m.workoutId()))
                .put("exercise", m.exercise())
                .put("timestamp", Instant.ofEpochMilli(m.ts() == null ? nowMs : m.ts()).toString());
        return new JsonObject().put("sensors", sensors).put("channels", channels).put("metadata", metadata);
    }

    /**
     * Reads the gateway's answer to {@code profile.snapshot}: the profile columns plus
     * {@code open_workout_id}, {@code open_class_id} and {@code workout_started_at}.
     */
    public static ProfileSnapshot profileSnapshot(UUID userId, JsonObject p) {
        if (p == null) {
            return ProfileSnapshot.unknown(userId);
        }
        AthleteProfile profile = new AthleteProfile(p.getInteger("age"), p.getString("gender"), p.getDouble("weight_kg"),
                p.getDouble("resting_heart_rate"), p.getDouble("max_heart_rate"));
        String started = p.getString("workout_started_at");
        return new ProfileSnapshot(userId, p.getString("username"), profile, uuid(p.getString("open_workout_id")),
                uuid(p.getString("open_class_id")), started == null ? 0 : Instant.parse(started).toEpochMilli());
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
