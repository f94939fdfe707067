package com.clisonix.edge.analysis.session;

import com.clisonix.edge.analysis.emotion.EmotionAssessment;
import com.clisonix.edge.analysis.emotion.EmotionInputs;
import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.hr.HeartRateSession;
import com.clisonix.edge.analysis.hr.KeytelEnergyCalculator;
import com.clisonix.edge.analysis.hrv.RollingHrv;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.PoseEvent;
import com.clisonix.edge.analysis.pose.Skeleton;
import com.clisonix.edge.analysis.stress.StressAssessment;
import com.clisonix.edge.analysis.stress.StressInputs;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import com.clisonix.edge.sensor.ingest.Reading;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the floor knows about one athlete, owned by that athlete's shard actor: profile
 * snapshot, open workout, heart-rate session (zones, kcal, effort points, TRIMP, above-HRmax
 * monitor, HRmax raise), RR window, latest machine, eye and breathing values, and one pose
 * analyser per exercise with its tally for the workout's exercise rows.
 *
 * <p><b>Two clocks.</b> Analysis runs on reading and frame time (a bridge replaying an hour of
 * buffered readings is analysed as an hour of exercise). Freshness and drop-out rules run on the
 * caller's wall clock ({@code nowMs}), since they are about what is arriving now.
 *
 * <p><b>Outside a workout</b> a rest session keeps heart rate, %HRmax and zone live; workout
 * totals (calories, effort points, high-zone minutes, TRIMP) are null. A workout start opens a
 * fresh session with the profile as it is then; the HRmax in effect stays fixed for that workout
 * (a profile change during it applies from the next one, so the workout's zones stay
 * consistent), while name and the rest session follow a profile change at once.
 *
 * <p><b>Alerts</b> (rising edges returned by {@link #checkAlerts(long)}): HR above the HRmax in
 * effect for 60 s; during a workout, {@value #CONTACT_ALERT_MS} ms of "no skin contact" reports;
 * during a workout, {@value #DROPOUT_ALERT_MS} ms without a heart rate from a strap that had sent
 * one in that workout; a camera view in which reps cannot be counted.
 *
 * <p><b>Parts.</b> This class holds the heart-rate session, the RR window, the workout and the
 * clocks, and builds the metrics; the camera part is {@link PoseTracker}, the machine, eye and
 * breathing values are {@link LatestSignals}, the alert rules are {@link AlertMonitor}.
 *
 * <p>Pure (no Vert.x) and not thread-safe: one actor owns it.
 */
public final class AthleteState {

    /** An athlete is active while they have an open workout or an input this recent (contract 2). */
    public static final long ACTIVE_WINDOW_MS = 60_000;
    public static final long CONTACT_ALERT_MS = 30_000;
    public static final long DROPOUT_ALERT_MS = 30_000;
    /** Eye, breathing and machine values older than this no longer describe the athlete. */
    public static final long SIGNAL_FRESH_MS = 30_000;

    private final UUID userId;
    private final HeartRateConfig config;
    private final StressLevelAnalyzer stressAnalyzer;
    private final EmotionalStateAnalyzer emotionAnalyzer;

    private ProfileSnapshot profile;
    private UUID workoutId;
    private UUID classId;
    private HeartRateSession hr;
    private final RollingHrv hrv = new RollingHrv();
    private final PoseTracker pose = new PoseTracker();
    private final LatestSignals signals = new LatestSignals();
    private final AlertMonitor alerts = new AlertMonitor();

    private long lastTs;
    private long lastArrivalMs = Long.MIN_VALUE;
    private long lastHrArrivalMs = Long.MIN_VALUE;
    private String hrDeviceType;

    public AthleteState(ProfileSnapshot profile, HeartRateConfig config, StressLevelAnalyzer stress,
                        EmotionalStateAnalyzer emotion) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.userId = profile.userId();
        this.config = Objects.requireNonNull(config, "config");
        this.stressAnalyzer = Objects.requireNonNull(stress, "stress");
        this.emotionAnalyzer = Objects.requireNonNull(emotion, "emotion");
        this.hr = new HeartRateSession(profile.profile(), config);
        if (profile.openWorkoutId() != null) {
            startWorkout(profile.openWorkoutId(), profile.classId());
        }
    }

    public UUID userId() {
        return userId;
    }

    public UUID workoutId() {
        return workoutId;
    }

    public ProfileSnapshot profile() {
        return profile;
    }

    /**
     * A fresh profile snapshot (profile changed, or the store's answer after a workout start). It
     * also reconciles the workout: one the store has open and the actor does not know is started;
     * one the actor has open and the store has not is dropped.
     */
    public void applyProfile(ProfileSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        this.profile = snapshot;
        if (snapshot.openWorkoutId() != null && !snapshot.openWorkoutId().equals(workoutId)) {
            startWorkout(snapshot.openWorkoutId(), snapshot.classId());
        } else if (snapshot.openWorkoutId() != null) {
            classId = snapshot.classId();
        } else if (workoutId != null) {
            closeWorkout();
        } else {
            hr = new HeartRateSession(snapshot.profile(), config);
        }
    }

    /** Opens a workout: new heart-rate session and fresh exercise counts. */
    public void startWorkout(UUID id, UUID cls) {
        workoutId = Objects.requireNonNull(id, "id");
        classId = cls;
        hr = new HeartRateSession(profile.profile(), config);
        pose.clear();
        alerts.workoutStarted();
    }

    /**
     * Ends the workout and returns its analysis; empty when {@code id} is not the open workout
     * (already finished, or never seen here).
     */
    public Optional<WorkoutAnalysis> finishWorkout(UUID id) {
        if (workoutId == null || !workoutId.equals(id)) {
            return Optional.empty();
        }
        List<ExerciseResult> results = pose.finish(lastTs + 1);
        WorkoutAnalysis analysis = new WorkoutAnalysis(userId, id, hr.finish(), hr.hrMax(), results);
        closeWorkout();
        return Optional.of(analysis);
    }

    private void closeWorkout() {
        workoutId = null;
        classId = null;
        hr = new HeartRateSession(profile.profile(), config);
        pose.clear();
        alerts.workoutClosed();
    }

    /**
     * One decoded reading.
     *
     * @return whether it changed anything the metrics show
     */
    public boolean onReading(Reading r, long nowMs) {
        boolean used = true;
        switch (r.type()) {
            case HEART_RATE -> {
                used = hr.onSample(r.measuredAt(), (int) Math.round(r.value()));
                lastHrArrivalMs = nowMs;
                hrDeviceType = r.deviceType();
                alerts.onHeartRate(r.deviceType(), workoutId != null);
            }
            case RR_INTERVAL -> hrv.add(r.value());
            case SENSOR_CONTACT -> alerts.onContact(r.measuredAt(), r.value());
            default -> used = signals.accept(r, nowMs);
        }
        touch(r.measuredAt(), nowMs);
        return used;
    }

    /** The eye fields that have no reading type (they travel in the reading's raw data). */
    public void onEyeExtras(Double dilationRate, Double gaze, long nowMs) {
        signals.onEyeExtras(dilationRate, gaze, nowMs);
    }

    /**
     * One camera frame of this athlete.
     *
     * @param exerciseName the track's exercise, or null for the athlete's most recent one
     * @param skeleton     the pose, or null when the frame's landmarks were unusable
     * @return the analyser's events (rep, form issue, alignment warning), usually none
     */
    public List<PoseEvent> onPose(long ts, String exerciseName, Skeleton skeleton, long nowMs) {
        touch(ts, nowMs);
        return pose.onFrame(ts, exerciseName, skeleton, nowMs);
    }

    /** The exercise the metrics show (the most recent one analysed), or null. */
    public ExerciseKind exercise() {
        return pose.exercise();
    }

    private void touch(long ts, long nowMs) {
        lastTs = Math.max(lastTs, ts);
        lastArrivalMs = nowMs;
    }

    /**
     * Re-evaluates the alert conditions.
     *
     * @return alerts that have just come on (each is reported once, until it clears)
     */
    public List<AthleteAlert> checkAlerts(long nowMs) {
        return alerts.check(hr.isAboveHrMaxAlert(), workoutId != null, lastHrArrivalMs,
                pose.misaligned() && fresh(pose.arrivalMs(), nowMs), nowMs);
    }

    /** Whether the athlete counts as active (open workout, or an input in the last 60 s). */
    public boolean active(long nowMs) {
        return workoutId != null || (lastArrivalMs != Long.MIN_VALUE && nowMs - lastArrivalMs < ACTIVE_WINDOW_MS);
    }

    /** Whether any reading or frame of the athlete has been analysed (a workout start alone is not one). */
    public boolean hasInput() {
        return lastArrivalMs != Long.MIN_VALUE;
    }

    /** Wall time of the newest input, or {@link Long#MIN_VALUE} before any. */
    public long lastArrivalMs() {
        return lastArrivalMs;
    }

    /** The live metrics now. Allocates; meant for the 1 Hz publication and API reads. */
    public AthleteMetrics metrics(long nowMs) {
        Double rmssd = finite(hrv.rmssdOrNaN());
        return MetricsBuilder.build(new MetricsBuilder.Identity(userId, profile.username(), lastTs, workoutId, classId),
                hr.snapshot(), rmssd, stress(nowMs, rmssd), emotion(nowMs), pose, signals, alerts.codes(), nowMs);
    }

    /**
     * The stress score from the freshest signals; flagged as effort-dominated during a workout.
     */
    public Optional<StressAssessment> stress(long nowMs, Double rmssd) {
        Double heart = hr.lastHeartRate() > 0 && fresh(lastHrArrivalMs, nowMs) ? (double) hr.lastHeartRate() : null;
        Double dilation = signals.eyesFresh(nowMs) ? signals.pupilDilation() : null;
        Double resp = signals.respirationFresh(nowMs) ? signals.respiratoryRate() : null;
        if (heart == null && dilation == null && resp == null && rmssd == null) {
            return Optional.empty();
        }
        return stressAnalyzer.analyze(new StressInputs(heart, rmssd, dilation, resp, profile.profile().restingHr(),
                workoutId != null));
    }

    /** The experimental emotional state, only while eye data are fresh. */
    public Optional<EmotionAssessment> emotion(long nowMs) {
        if (!signals.eyesFresh(nowMs)) {
            return Optional.empty();
        }
        Double heart = hr.lastHeartRate() > 0 && fresh(lastHrArrivalMs, nowMs) ? (double) hr.lastHeartRate() : null;
        return emotionAnalyzer.analyze(new EmotionInputs(signals.pupilSize(), signals.pupilDilation(),
                signals.blinkRate(), signals.gazeStability(), heart));
    }

    /** Keytel energy rate at the current heart rate, kcal/min; null when weight, age or HR is unknown. */
    public Double caloriesPerMinute(long nowMs) {
        var p = profile.profile();
        if (hr.lastHeartRate() <= 0 || !fresh(lastHrArrivalMs, nowMs)) {
            return null;
        }
        return finite(KeytelEnergyCalculator.kcalPerMinute(p.sex(), hr.lastHeartRate(), p.weightOrNaN(),
                p.ageOrNaN()));
    }

    /** Device type of the heart-rate source (chest_strap, bike...), or null. */
    public String heartRateSource() {
        return hrDeviceType;
    }

    public boolean eyesFresh(long nowMs) {
        return signals.eyesFresh(nowMs);
    }

    public boolean poseFresh(long nowMs) {
        return fresh(pose.arrivalMs(), nowMs);
    }

    public Double pupilSize() {
        return signals.pupilSize();
    }

    public Double blinkRate() {
        return signals.blinkRate();
    }

    static boolean fresh(long arrival, long nowMs) {
        return arrival != Long.MIN_VALUE && nowMs - arrival < SIGNAL_FRESH_MS;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
