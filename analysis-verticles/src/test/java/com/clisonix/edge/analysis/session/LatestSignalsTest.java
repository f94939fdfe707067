package com.clisonix.edge.analysis.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.ingest.Reading;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LatestSignalsTest {
    static final long T0 = 1_732_500_000_000L;
    final UUID user = UUID.randomUUID();

    Reading reading(ReadingType type, double value) {
        return new Reading(user, type, value, type.unit(), T0, "dev1", "bike", "bridge1", null);
    }

    @Test
    void keepsMachineEyeAndBreathingValuesAndNothingElse() {
        LatestSignals s = new LatestSignals();
        assertThat(s.accept(reading(ReadingType.HEART_RATE, 120), T0)).isFalse();
        assertThat(s.accept(reading(ReadingType.POWER, 210), T0)).isTrue();
        assertThat(s.accept(reading(ReadingType.CADENCE, 88), T0)).isTrue();
        assertThat(s.accept(reading(ReadingType.PUPIL_SIZE, 4.1), T0)).isTrue();
        assertThat(s.accept(reading(ReadingType.RESPIRATORY_RATE, 22), T0)).isTrue();
        assertThat(s.power()).isEqualTo(210.0);
        assertThat(s.cadence()).isEqualTo(88.0);
        assertThat(s.pupilSize()).isEqualTo(4.1);
        assertThat(s.respiratoryRate()).isEqualTo(22.0);
        assertThat(s.speed()).isNull();
    }

    @Test
    void valuesGoStaleAfterThirtySeconds() {
        LatestSignals s = new LatestSignals();
        assertThat(s.machineFresh(T0)).isFalse();
        s.accept(reading(ReadingType.SPEED, 9.5), T0);
        s.onEyeExtras(0.2, null, T0);
        assertThat(s.machineFresh(T0 + AthleteState.SIGNAL_FRESH_MS - 1)).isTrue();
        assertThat(s.machineFresh(T0 + AthleteState.SIGNAL_FRESH_MS)).isFalse();
        assertThat(s.eyesFresh(T0 + 1)).isTrue();
        assertThat(s.pupilDilation()).isEqualTo(0.2);
        assertThat(s.gazeStability()).isNull();
        assertThat(s.respirationFresh(T0)).isFalse();
    }
}
