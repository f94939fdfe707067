package com.clisonix.edge.sensor.ingest;

import com.clisonix.edge.sensor.pose.PoseFrame;
import java.util.List;
import java.util.UUID;

/** What the pipeline made of one message. */
public sealed interface IngestOutcome {

  /** Refused whole: counted per source and reason, never stored. */
  record Rejected(String source, String reason, String detail) implements IngestOutcome {}

  /** A bridge said it is online or offline. */
  record BridgeStatus(String bridgeId, boolean online) implements IngestOutcome {}

  /**
   * Decoded. {@code entry} goes to the journal (its readings may be empty: an unassigned device is
   * only sighted); {@code unassigned} names the device or track nobody is paired with, else null.
   */
  record Accepted(String source, JournalEntry entry, String unassigned, String unassignedKind, Integer battery)
      implements IngestOutcome {}

  /**
   * A pose frame: people paired with consenting athletes go to analysis; it stores no readings, so
   * it is acknowledged at once. {@code discarded} counts people without consent.
   */
  record PoseFrames(String cameraId, PoseFrame frame, List<TrackedPerson> people, List<String> unassignedTracks,
      int discarded) implements IngestOutcome {}

  /** One person of a pose frame, with the athlete the track is paired with. */
  record TrackedPerson(UUID userId, String track, String exercise, int index) {}
}
