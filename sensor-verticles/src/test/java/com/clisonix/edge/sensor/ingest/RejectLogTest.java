package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** At most one log line a minute per source, saying how many were not logged. */
class RejectLogTest {
  @Test
  void oneLineAMinutePerSource() {
    AtomicLong now = new AtomicLong(1_000_000);
    RejectLog log = new RejectLog(now::get);
    assertThat(log.shouldLog("bridge-1")).isZero();
    for (int i = 0; i < 499; i++) {
      now.addAndGet(100);
      assertThat(log.shouldLog("bridge-1")).isEqualTo(-1);
    }
    assertThat(log.shouldLog("bridge-2")).as("another source has its own minute").isZero();
    now.set(1_000_000 + 60_000);
    assertThat(log.shouldLog("bridge-1")).as("the suppressed count").isEqualTo(499);
    assertThat(log.shouldLog("bridge-1")).isEqualTo(-1);
  }
}
