package com.clisonix.edge.sensor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The once-only identities of CONTRACT.md §1. */
class MessageKeyTest {
  static final byte[] HR = {0x00, 0x55};

  @Test
  void timestampedKeysDependOnDeviceCharacteristicPayloadAndTs() {
    MessageKey k = MessageKey.timestamped("A1B2C3D4E5F6", "2a37", HR, 1000);
    assertThat(MessageKey.timestamped("A1B2C3D4E5F6", "2a37", HR.clone(), 1000)).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(MessageKey.timestamped("A1B2C3D4E5F6", "2a37", HR, 1001)).isNotEqualTo(k);
    assertThat(MessageKey.timestamped("A1B2C3D4E5F7", "2a37", HR, 1000)).isNotEqualTo(k);
    assertThat(MessageKey.timestamped("A1B2C3D4E5F6", "2ad2", HR, 1000)).isNotEqualTo(k);
    assertThat(MessageKey.timestamped("A1B2C3D4E5F6", "2a37", new byte[] {0x00, 0x56}, 1000)).isNotEqualTo(k);
    assertThat(k.digest()).hasSize(16);
  }

  @Test
  void inFlightKeysDependOnPacketIdTopicAndPayloadAndNeverMeetTimestampedOnes() {
    MessageKey k = MessageKey.inFlight(7, "gym/demo/ble/b/d/2a37", HR);
    assertThat(MessageKey.inFlight(7, "gym/demo/ble/b/d/2a37", HR)).isEqualTo(k);
    assertThat(MessageKey.inFlight(8, "gym/demo/ble/b/d/2a37", HR)).isNotEqualTo(k);
    assertThat(k.kind()).isEqualTo(MessageKey.Kind.IN_FLIGHT);
    assertThat(MessageKey.timestamped("d", "2a37", HR, 7)).isNotEqualTo(k);
  }

  @Test
  void recentKeysForgetTheOldestBeyondCapacity() {
    RecentKeys recent = new RecentKeys(2);
    MessageKey a = MessageKey.timestamped("d", "c", HR, 1);
    MessageKey b = MessageKey.timestamped("d", "c", HR, 2);
    MessageKey c = MessageKey.timestamped("d", "c", HR, 3);
    assertThat(recent.add(a)).isTrue();
    assertThat(recent.add(a)).isFalse();
    assertThat(recent.add(b)).isTrue();
    assertThat(recent.add(c)).isTrue();
    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.add(a)).as("a was forgotten").isTrue();
  }
}
