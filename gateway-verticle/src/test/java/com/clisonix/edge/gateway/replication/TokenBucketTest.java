package com.clisonix.edge.gateway.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The drain's pace: one second of burst, then the configured rate, never more. */
class TokenBucketTest {
  static final long S = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketAllowsOneSecondThenRefillsAtTheRate() {
    TokenBucket b = new TokenBucket(1000, 0);
    assertThat(b.available(0)).isEqualTo(1000);
    b.take(1000, 0);
    assertThat(b.available(0)).isZero();
    assertThat(b.waitMs(500, 0)).isEqualTo(500);
    assertThat(b.available(S / 4)).isEqualTo(250);
    // idle time never saves up more than one second's worth
    assertThat(b.available(60 * S)).isEqualTo(1000);
  }

  @Test
  void overTenSecondsOfDrainNoMoreThanTheRatePlusTheBurstIsSent() {
    TokenBucket b = new TokenBucket(5000, 0);
    long sent = 0;
    for (long t = 0; t <= 10 * S; t += S / 100) {
      int n = Math.min(500, b.available(t));
      b.take(n, t);
      sent += n;
    }
    assertThat(sent).isBetween(50_000L, 55_000L);
  }
}
