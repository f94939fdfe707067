package com.clisonix.edge.sensor.ingest;

import java.util.List;

/**
 * What one MQTT message asks the reading journal to commit. The journal replies with a
 * {@link JournalResult} once its transaction has committed; only then is a QoS 1 message
 * acknowledged.
 *
 * <p>Every QoS 1 message passes through the journal, even one that stores nothing: a message that
 * arrives without the DUP flag under packet id M proves the broker received our acknowledgement
 * of the previous message with that id (it reuses an id only then), so the journal can forget the
 * previous message's in-flight key exactly then, and not a moment earlier.
 *
 * @param key the message's identity for the once-only rule, null when it has none
 * @param dup the broker's DUP flag
 * @param packetId the MQTT packet id, 0 for QoS 0
 * @param sighting the device seen, or null
 */
public record JournalEntry(MessageKey key, boolean dup, int packetId, List<Reading> readings, DeviceSighting sighting) {
  /** The address the journal consumes. */
  public static final String ADDRESS = "journal.append";
}
