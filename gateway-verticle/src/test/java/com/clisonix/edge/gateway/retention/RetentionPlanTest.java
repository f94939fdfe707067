package com.clisonix.edge.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.config.RetentionOptions.Policy;
import com.clisonix.edge.gateway.retention.RetentionPlan.Decision;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {

  @Test
  void belowTheLimitNothingHappensUnderEitherPolicy() {
    assertThat(RetentionPlan.decide(Policy.REJECT_NEW, false, 999, 1000, 0)).isEqualTo(new Decision(0, 0, false));
    assertThat(RetentionPlan.decide(Policy.DROP_OLDEST_READINGS, true, 999, 1000, 999))
        .isEqualTo(new Decision(0, 0, false));
  }

  @Test
  void rejectNewRefusesAtTheLimitAndNeverDrops() {
    assertThat(RetentionPlan.decide(Policy.REJECT_NEW, true, 1000, 1000, 1000)).isEqualTo(new Decision(0, 0, true));
  }

  @Test
  void dropOldestGoesDownToTheLowWaterMarkFromReplicatedReadings() {
    // 1200 held, limit 1000: down to 950, so 250 of the 600 the cloud has
    assertThat(RetentionPlan.decide(Policy.DROP_OLDEST_READINGS, false, 1200, 1000, 600))
        .isEqualTo(new Decision(250, 0, false));
  }

  @Test
  void withTooFewReplicatedReadingsItDropsThoseAndRefusesRatherThanLoseTheRest() {
    // only 100 confirmed: dropping them leaves 1100 >= 1000, so new readings are refused
    assertThat(RetentionPlan.decide(Policy.DROP_OLDEST_READINGS, false, 1200, 1000, 100))
        .isEqualTo(new Decision(100, 0, true));
  }

  @Test
  void unreplicatedReadingsAreDroppedOnlyWhenTheSettingAllowsIt() {
    assertThat(RetentionPlan.decide(Policy.DROP_OLDEST_READINGS, true, 1200, 1000, 100))
        .isEqualTo(new Decision(100, 150, false));
  }

  @Test
  void aLimitOfOneStillLeavesRoomAfterADrop() {
    assertThat(RetentionPlan.decide(Policy.DROP_OLDEST_READINGS, false, 1, 1, 1)).isEqualTo(new Decision(1, 0, false));
  }

  @Test
  void hoursLeftIsTheEarlierOfTheReadingLimitAndTheByteBudget() {
    // 10_000 readings of room at 1000/h: 10 h; 1 MB of budget at 1000/h x 200 B = 200 kB/h: 5 h
    assertThat(RetentionPlan.hoursLeft(90_000, 100_000, 9_000_000, 10_000_000, 200, 1000)).isEqualTo(5.0);
    assertThat(RetentionPlan.hoursLeft(90_000, 100_000, 0, 10_000_000, 200, 1000)).isEqualTo(10.0);
    assertThat(RetentionPlan.hoursLeft(120_000, 100_000, 0, 10_000_000, 200, 1000)).isEqualTo(0.0);
  }

  @Test
  void withoutIngestThereIsNoEstimate() {
    assertThat(RetentionPlan.hoursLeft(10, 100, 10, 100, 1, 0)).isNull();
  }
}
