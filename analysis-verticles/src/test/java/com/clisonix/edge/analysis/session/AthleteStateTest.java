package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.analysis.emotion.EmotionalStateAnalyzer;
import com.clisonix.edge.analysis.hr.AthleteProfile;
import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.pose.ExerciseKind;
import com.clisonix.edge.analysis.pose.PoseEvent;
import com.clisonix.edge.analysis.pose.Skeleton;
import com.clisonix.edge.analysis.stress.StressLevelAnalyzer;
import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AthleteStateTest {
    static final long T0 = 1_732_500_000_000L;
    final UUID user = UUID.randomUUID();
    final UUID workout = UUID.randomUUID();

    AthleteState state(AthleteProfile p) {
        return new AthleteState(new ProfileSnapshot(user, "ana", p, null, null, 0), HeartRateConfig.defaults(),
                new StressLevelAnalyzer(), new EmotionalStateAnalyzer());
    }

    Reading hr(long ts, int bpm) {
        return new Reading(user, ReadingType.HEART_RATE, bpm, "bpm", ts, "A1B2C3D4E5F6", "chest_strap", "bridge1", null);
    }

    Reading contact(long ts, int v) {
        return new Reading(user, ReadingType.SENSOR_CONTACT, v, "status", ts, "A1B2C3D4E5F6", "chest_strap", "bridge1", null);
    }

    @Test
    void workoutMetricsCarryTheHeartRateScienceAndRestMetricsDoNot() {
        // age 30 -> Tanaka HRmax 208 - 21 = 187
        AthleteState s = state(new AthleteProfile(30, "M", 80.0, 60.0, null));
        s.onReading(hr(T0, 120), T0);
        AthleteMetrics rest = s.metrics(T0);
        assertThat(rest.hrMax()).isEqualTo(187.0);
        assertThat(rest.heartRate()).isEqualTo(120);
        assertThat(rest.zone()).isEqualTo(2);
        assertThat(rest.calories()).as("no workout: no workout totals").isNull();
        assertThat(rest.effortPoints()).isNull();

        s.startWorkout(workout, null);
        for (int i = 0; i <= 60; i++) {
            s.onReading(hr(T0 + 1000 + i * 1000L, 150), T0 + 1000 + i * 1000L);
        }
        AthleteMetrics m = s.metrics(T0 + 61_000);
        assertThat(m.workoutId()).isEqualTo(workout);
        assertThat(m.pctHrMax()).isEqualTo(80.2);
        assertThat(m.zone()).isEqualTo(5 - 1);
        assertThat(m.zoneColor()).isEqualTo("#FDD835");
        // 60 s in zone 4 at 4 points a minute
        assertThat(m.effortPoints()).isEqualTo(4.0);
        assertThat(m.calories()).isPositive();
        assertThat(m.trimp()).isPositive();
        assertThat(m.stressLevel()).as("heart rate alone gives a score").isNotNull();
        assertThat(m.alerts()).isEmpty();

        WorkoutAnalysis w = s.finishWorkout(workout).orElseThrow();
        assertThat(w.heartRate().maxHeartRate()).isEqualTo(150);
        assertThat(w.heartRate().zoneSeconds().get(4)).isEqualTo(60.0);
        assertThat(WorkoutFeedbackWriter.write(w)).contains("1 min in zones 4-5", "4 effort points");
        assertThat(s.workoutId()).isNull();
        assertThat(s.finishWorkout(workout)).as("finished once").isEmpty();
    }

    @Test
    void lostContactAndDropOutRaiseAlertsOnceDuringAWorkout() {
        AthleteState s = state(new AthleteProfile(30, "F", 60.0, 55.0, null));
        s.startWorkout(workout, null);
        s.onReading(hr(T0, 110), T0);
        s.onReading(contact(T0, 1), T0);
        s.onReading(contact(T0 + 29_000, 1), T0 + 29_000);
        assertThat(s.checkAlerts(T0 + 29_000)).isEmpty();
        s.onReading(contact(T0 + 30_000, 1), T0 + 30_000);
        assertThat(s.checkAlerts(T0 + 30_000)).containsExactly(AthleteAlert.NO_SENSOR_CONTACT, AthleteAlert.HR_DROPOUT);
        assertThat(s.checkAlerts(T0 + 31_000)).as("reported once").isEmpty();
        assertThat(s.metrics(T0 + 31_000).alerts()).containsExactly("no_sensor_contact", "hr_dropout");
        s.onReading(contact(T0 + 32_000, 2), T0 + 32_000);
        s.onReading(hr(T0 + 32_000, 112), T0 + 32_000);
        assertThat(s.checkAlerts(T0 + 32_000)).isEmpty();
        assertThat(s.metrics(T0 + 32_000).alerts()).isEmpty();
    }

    @Test
    void heartRateAboveMaxForAMinuteIsAnAlert() {
        AthleteState s = state(new AthleteProfile(null, "M", null, null, 170.0));
        for (int i = 0; i <= 61; i++) {
            s.onReading(hr(T0 + i * 1000L, 180), T0 + i * 1000L);
        }
        assertThat(s.checkAlerts(T0 + 61_000)).containsExactly(AthleteAlert.HR_ABOVE_MAX);
    }

    @Test
    void squatsFromTheSimulatorAreCountedAndReportedForTheExerciseRow() {
        AthleteState s = state(AthleteProfile.unknown());
        s.startWorkout(workout, null);
        PoseSequence seq = PoseSequenceSynthesizer.generate(SequenceSpec.of(SimExercise.SQUAT, 5, 7));
        List<PoseEvent> events = new ArrayList<>();
        for (PoseSample p : seq.samples()) {
            events.addAll(s.onPose(p.tsMillis(), "Squats", Skeleton.fromNormalised(p.landmarks(), 1280, 720, null),
                    p.tsMillis()));
        }
        AthleteMetrics m = s.metrics(seq.samples().get(seq.samples().size() - 1).tsMillis());
        assertThat(m.exercise()).isEqualTo("squat");
        assertThat(m.repsCounted()).isEqualTo(seq.fullReps());
        WorkoutAnalysis w = s.finishWorkout(workout).orElseThrow();
        assertThat(w.exercises()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ExerciseKind.SQUAT);
            assertThat(e.reps()).isEqualTo(5);
            assertThat(e.formScore()).isBetween(0.0, 100.0);
        });
        assertThat(events.stream().filter(e -> e instanceof PoseEvent.RepCounted)).hasSizeBetween(4, 5);
    }

    @Test
    void aProfileChangeOutsideAWorkoutAppliesAtOnce() {
        AthleteState s = state(new AthleteProfile(30, "M", 80.0, 60.0, null));
        s.onReading(hr(T0, 120), T0);
        s.applyProfile(new ProfileSnapshot(user, "ana", new AthleteProfile(30, "M", 80.0, 60.0, 200.0), null, null, 0));
        s.onReading(hr(T0 + 1000, 120), T0 + 1000);
        assertThat(s.metrics(T0 + 1000).hrMax()).isEqualTo(200.0);
    }
}
