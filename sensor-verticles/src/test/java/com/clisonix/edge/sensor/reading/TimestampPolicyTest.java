package com.clisonix.edge.sensor.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampPolicyTest {

    private static final long NOW = 1_732_500_000_123L; // CONTRACT.md §1 example ts

    @Test
    void windowIs24HoursBackAnd5MinutesAheadInclusive() {
        // CONTRACT.md §1 "Time": more than 24 h in the past or 5 min in the future is rejected
        long day = 24L * 3600 * 1000;
        long fiveMin = 5L * 60 * 1000;
        assertThat(TimestampPolicy.accept(NOW, NOW)).isTrue();
        assertThat(TimestampPolicy.accept(NOW - day, NOW)).isTrue();
        assertThat(TimestampPolicy.check(NOW - day - 1, NOW)).isEqualTo(TimestampPolicy.Verdict.TOO_OLD);
        assertThat(TimestampPolicy.accept(NOW + fiveMin, NOW)).isTrue();
        assertThat(TimestampPolicy.check(NOW + fiveMin + 1, NOW)).isEqualTo(TimestampPolicy.Verdict.IN_FUTURE);
        // an hour of replayed, buffered readings is fine
        assertThat(TimestampPolicy.accept(NOW - 3_600_000, NOW)).isTrue();
    }

    @Test
    void secondsInsteadOfMillisecondsAndExtremesAreRejected() {
        assertThat(TimestampPolicy.check(NOW / 1000, NOW)).isEqualTo(TimestampPolicy.Verdict.TOO_OLD);
        assertThat(TimestampPolicy.check(NOW * 1000, NOW)).isEqualTo(TimestampPolicy.Verdict.IN_FUTURE);
        assertThat(TimestampPolicy.check(Long.MIN_VALUE, NOW)).isEqualTo(TimestampPolicy.Verdict.TOO_OLD);
        assertThat(TimestampPolicy.check(Long.MAX_VALUE, NOW)).isEqualTo(TimestampPolicy.Verdict.IN_FUTURE);
        assertThat(TimestampPolicy.Verdict.TOO_OLD.code()).isEqualTo("ts_too_old");
    }
}
